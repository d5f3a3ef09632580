//! `before-you-rely screen` end to end: JSON lines in, JSON lines out, in order; bad lines are
//! reported and skipped over.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(input: &str) -> Vec<serde_json::Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_before-you-rely"))
        .arg("screen")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("output");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

#[test]
fn screens_lines_in_order_with_matched_text() {
    let input = concat!(
        "{\"id\":1,\"text\":\"I want to kill myself 😞\"}\n",
        "{\"id\":\"b\",\"text\":\"me muero de hambre\",\"lang\":\"es\"}\n",
        "not json\n",
        "{\"id\":3,\"text\":\"😀 ya no quiero vivir\",\"lang\":\"es-MX\"}\n",
    );
    let out = run(input);
    assert_eq!(out.len(), 4);
    assert_eq!(out[0]["id"], 1);
    assert_eq!(out[0]["level"], "urgent");
    assert_eq!(out[0]["categories"][0], "suicide");
    assert_eq!(out[0]["evidence"][0]["text"], "kill myself");
    assert_eq!(out[0]["evidence"][0]["subject"], "self");
    assert_eq!(out[1]["id"], "b");
    assert_eq!(out[1]["level"], "none");
    assert!(out[2]["id"].is_null() && out[2]["error"].is_string());
    assert_eq!(out[3]["level"], "concern");
    assert_eq!(out[3]["evidence"][0]["text"], "ya no quiero vivir");
    assert_eq!(
        out[3]["evidence"][0]["start"], 3,
        "UTF-16 offsets: the emoji is two units"
    );
}

#[test]
fn missing_text_is_an_error_line() {
    let out = run("{\"id\":7}\n");
    assert_eq!(out[0]["id"], 7);
    assert!(out[0]["error"].is_string());
}
