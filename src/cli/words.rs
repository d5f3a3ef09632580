//! `before-you-rely words`: JSON lines `{"id","text"}` on stdin, `{"id","words","rules"}` on stdout:
//! the folded words the crisis screen reads and the ids of the rules whose patterns matched (markers
//! included, before context judged them). The screen model's trainer (scripts/train-screen-model.py)
//! uses it so that training and the engine see the same words.

use std::io::{BufRead, Write};

pub fn run(args: &[String]) -> i32 {
    if !args.is_empty() {
        eprintln!("usage: before-you-rely words < messages.jsonl");
        return 2;
    }
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { return 1 };
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line).unwrap_or(serde_json::Value::Null);
        let text = value.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let reply = serde_json::json!({
            "id": value.get("id").cloned().unwrap_or(serde_json::Value::Null),
            "words": before_you_rely::screen::words(text),
            "rules": before_you_rely::screen::matched_rules(text),
        });
        if writeln!(out, "{reply}").is_err() {
            return 1;
        }
    }
    0
}
