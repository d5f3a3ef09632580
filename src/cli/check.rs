//! `before-you-rely check <asq|phq9|phq2|gad7|gad2> --answers a,b,c`: scores one self-check and prints
//! the outcome as JSON. ASQ answers are `y`, `n` or `-` (declined); PHQ/GAD answers are 0–3, or `-`
//! for a skipped item (which leaves the check unscored). Bad input exits 2 with a message on stderr.

use before_you_rely::checks::{score, Answer, InstrumentId};

const USAGE: &str = "usage: before-you-rely check <asq|phq9|phq2|gad7|gad2> --answers a,b,c
  asq:       y / n / - (declined), items 1-4, then item 5 only after a yes or -
  phq, gad:  0-3 per item (- = skipped), then the optional difficulty item 0-3";

fn fail(msg: &str) -> i32 {
    eprintln!("before-you-rely check: {msg}\n{USAGE}");
    2
}

fn parse_answer(id: InstrumentId, raw: &str) -> Result<Answer, String> {
    let raw = raw.trim();
    if raw == "-" {
        return Ok(Answer::Declined);
    }
    if id == InstrumentId::Asq {
        return match raw.to_ascii_lowercase().as_str() {
            "y" | "yes" => Ok(Answer::Value(1)),
            "n" | "no" => Ok(Answer::Value(0)),
            _ => Err(format!("`{raw}` is not an ASQ answer (y, n or -)")),
        };
    }
    match raw.parse::<u8>() {
        Ok(v) if v <= 3 => Ok(Answer::Value(v)),
        _ => Err(format!("`{raw}` is not a PHQ/GAD answer (0, 1, 2, 3 or -)")),
    }
}

pub fn run(args: &[String]) -> i32 {
    let mut id = None;
    let mut answers = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return 0;
            }
            "--answers" => match rest.next() {
                Some(list) => answers = Some(list.as_str()),
                None => return fail("--answers needs a comma-separated list"),
            },
            flag if flag.starts_with("--answers=") => answers = Some(&flag["--answers=".len()..]),
            name if id.is_none() && !name.starts_with('-') => match InstrumentId::parse(name) {
                Some(found) => id = Some(found),
                None => return fail(&format!("unknown instrument `{name}`")),
            },
            other => return fail(&format!("unexpected argument `{other}`")),
        }
    }
    let Some(id) = id else { return fail("which instrument?") };
    let Some(list) = answers else { return fail("--answers is required") };
    let parsed: Result<Vec<Answer>, String> =
        list.split(',').filter(|s| !s.trim().is_empty()).map(|s| parse_answer(id, s)).collect();
    let parsed = match parsed {
        Ok(p) if p.is_empty() => return fail("--answers is empty"),
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    match score(id, &parsed) {
        Ok(outcome) => {
            if !outcome.complete {
                eprintln!("before-you-rely check: not every item was answered; a partial check has no score");
            }
            match serde_json::to_string(&outcome) {
                Ok(json) => {
                    println!("{json}");
                    0
                }
                Err(e) => fail(&format!("cannot write JSON: {e}")),
            }
        }
        Err(e) => fail(&e.to_string()),
    }
}
