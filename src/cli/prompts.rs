//! `before-you-rely prompts`: journaling prompts for a state, as JSON.

use before_you_rely::prompts::{choose, PromptState};
use before_you_rely::{Lang, Level};

const USAGE: &str = "usage: before-you-rely prompts [--lang en|es] [--level L] [--theme T] [--count N] [--seed S]
                              [--phq9 N] [--gad7 N] [--risk-item] [--deep] [--history id,id,...]
  --level      none|support|concern|urgent|emergency (the last crisis screen)
  --phq9/gad7  latest self-check totals; 15 or more keeps to gentle prompts
  --risk-item  a positive suicide item (ASQ, PHQ-9 item 9)
  --deep       the person chose deeper prompts
  --history    ids already shown, oldest first (no repeats until the pool is used up)
";

fn value<'a>(args: &'a [String], i: usize, flag: &str) -> Result<&'a str, String> {
    args.get(i + 1).map(String::as_str).ok_or_else(|| format!("{flag} needs a value"))
}

fn parse(args: &[String]) -> Result<(PromptState, Vec<String>, u64, usize), String> {
    let mut state = PromptState::default();
    let (mut history, mut seed, mut count) = (Vec::new(), 0u64, 1usize);
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        let mut takes_value = true;
        match flag {
            "--lang" => {
                let v = value(args, i, flag)?;
                state.lang = Lang::from_tag(v).ok_or_else(|| format!("unknown language `{v}`"))?;
            }
            "--level" => {
                let v = value(args, i, flag)?;
                state.level = Level::parse(v).ok_or_else(|| format!("unknown level `{v}`"))?;
            }
            "--theme" => state.theme = Some(value(args, i, flag)?.to_string()),
            "--count" => count = value(args, i, flag)?.parse().map_err(|_| "--count needs a number")?,
            "--seed" => seed = value(args, i, flag)?.parse().map_err(|_| "--seed needs a number")?,
            "--phq9" => state.phq9 = Some(value(args, i, flag)?.parse().map_err(|_| "--phq9 needs 0-27")?),
            "--gad7" => state.gad7 = Some(value(args, i, flag)?.parse().map_err(|_| "--gad7 needs 0-21")?),
            "--history" => {
                history = value(args, i, flag)?
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            }
            "--deep" => {
                state.deep_chosen = true;
                takes_value = false;
            }
            "--risk-item" => {
                state.risk_item_positive = true;
                takes_value = false;
            }
            other => return Err(format!("unknown option `{other}`")),
        }
        i += if takes_value { 2 } else { 1 };
    }
    Ok((state, history, seed, count))
}

pub fn run(args: &[String]) -> i32 {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return 0;
    }
    let (state, history, seed, count) = match parse(args) {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("before-you-rely prompts: {e}\n\n{USAGE}");
            return 2;
        }
    };
    let history: Vec<&str> = history.iter().map(String::as_str).collect();
    let selection = choose(&state, &history, seed, count);
    match serde_json::to_string_pretty(&selection) {
        Ok(json) => {
            println!("{json}");
            0
        }
        Err(e) => {
            eprintln!("before-you-rely prompts: {e}");
            1
        }
    }
}
