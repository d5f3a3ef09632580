//! `before-you-rely screen`: JSON lines `{"id","text","lang"?}` on stdin, one screening a line on
//! stdout in input order: `{"id","level","categories","evidence"}`, each evidence item with the
//! matched original `text`. A bad line gives `{"id":null,"error":"..."}` and the run goes on.

use before_you_rely::screen::{screen, Evidence};
use before_you_rely::{Category, Lang, Level};
use serde::Serialize;
use std::io::{BufRead, Write};

const USAGE: &str = "usage: before-you-rely screen < messages.jsonl
  reads {\"id\",\"text\",\"lang\"?} a line; writes {\"id\",\"level\",\"categories\",\"evidence\"} a line";

#[derive(Serialize)]
struct Item<'a> {
    #[serde(flatten)]
    evidence: &'a Evidence,
    text: String,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a serde_json::Value,
    level: Level,
    categories: &'a [Category],
    evidence: Vec<Item<'a>>,
}

/// The original text between UTF-16 offsets `start..end`.
fn utf16_slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text
        .encode_utf16()
        .skip(start as usize)
        .take(end.saturating_sub(start) as usize)
        .collect();
    String::from_utf16_lossy(&units)
}

fn line_output(line: &str) -> String {
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return serde_json::json!({"id": null, "error": format!("bad JSON: {e}")}).to_string(),
    };
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
        return serde_json::json!({"id": id, "error": "missing string field `text`"}).to_string();
    };
    let lang = value.get("lang").and_then(|l| l.as_str()).and_then(Lang::from_tag);
    let s = screen(text, lang);
    let evidence = s
        .evidence
        .iter()
        .map(|e| Item {
            evidence: e,
            text: utf16_slice(text, e.start, e.end),
        })
        .collect();
    let out = Output {
        id: &id,
        level: s.level,
        categories: &s.categories,
        evidence,
    };
    serde_json::to_string(&out).unwrap_or_else(|e| serde_json::json!({"id": null, "error": e.to_string()}).to_string())
}

pub fn run(args: &[String]) -> i32 {
    if let Some(a) = args.first() {
        if a == "-h" || a == "--help" {
            println!("{USAGE}");
            return 0;
        }
        eprintln!("before-you-rely screen: unexpected argument `{a}`\n{USAGE}");
        return 2;
    }
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(l) => l,
            Err(e) => serde_json::json!({"id": null, "error": format!("unreadable line: {e}")}).to_string(),
        };
        if line.trim().is_empty() {
            continue;
        }
        let result = if line.starts_with("{\"id\":null,\"error\"") {
            line
        } else {
            line_output(&line)
        };
        if writeln!(out, "{result}").is_err() {
            return 1;
        }
    }
    if out.flush().is_err() {
        return 1;
    }
    0
}
