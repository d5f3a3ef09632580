//! A screening as JSON text, for the browser API (one string across the wasm boundary) and any
//! tool that wants the engine's result without a JSON library.

use super::{Screening, Subject};

impl Screening {
    /// The screening as JSON text, the same fields and order as serde serializes it natively
    /// (tests/screen_json.rs checks that). Hand-written so the wasm carries no JSON library.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(64 + 96 * self.evidence.len());
        out.push_str("{\"level\":");
        json_str(&mut out, self.level.as_str());
        out.push_str(",\"categories\":[");
        for (i, c) in self.categories.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json_str(&mut out, c.as_str());
        }
        out.push_str("],\"evidence\":[");
        for (i, e) in self.evidence.iter().enumerate() {
            let subject = match e.subject {
                Subject::Me => "self",
                Subject::Other => "other",
            };
            out.push_str(if i > 0 { ",{" } else { "{" });
            for (key, value) in [("category", e.category.as_str()), ("level", e.level.as_str()), ("subject", subject), ("rule", e.rule)] {
                json_str(&mut out, key);
                out.push(':');
                json_str(&mut out, value);
                out.push(',');
            }
            json_span(&mut out, e.start, e.end);
            out.push('}');
        }
        out.push_str("],\"distress\":[");
        for (i, c) in self.distress.iter().enumerate() {
            out.push_str(if i > 0 { ",{\"rule\":" } else { "{\"rule\":" });
            json_str(&mut out, c.rule);
            out.push(',');
            json_span(&mut out, c.start, c.end);
            out.push('}');
        }
        out.push_str("]}");
        out
    }
}

/// A JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                out.push_str("\\u00");
                for nibble in [u32::from(c) >> 4, u32::from(c) & 15] {
                    out.push(char::from_digit(nibble, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `"start":N,"end":M`.
fn json_span(out: &mut String, start: u32, end: u32) {
    out.push_str("\"start\":");
    json_u32(out, start);
    out.push_str(",\"end\":");
    json_u32(out, end);
}

fn json_u32(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

