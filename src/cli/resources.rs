//! `before-you-rely resources --country CC [--category C]... [--level L] [--lang L] [--topic T]`:
//! the ordered help as JSON, from the same `directory::route` the panel uses.

use before_you_rely::directory::{route, Query};
use before_you_rely::{Category, Lang, Level};

const USAGE: &str = "usage: before-you-rely resources --country CC [--category C[,C]]... [--level L] [--lang en|es] [--topic T]
  categories: suicide self_harm abuse sexual_violence harm_to_others psychosis overdose
  levels:     none support concern urgent emergency (default: concern)";

struct Args {
    country: String,
    categories: Vec<Category>,
    level: Level,
    lang: Option<Lang>,
    topic: Option<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut country = None;
    let mut categories = Vec::new();
    let mut level = Level::Concern;
    let mut lang = None;
    let mut topic = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--country" => {
                let v = value()?;
                if v.len() != 2 || !v.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(format!("--country: `{v}` is not a two-letter ISO 3166 code"));
                }
                country = Some(v.to_ascii_uppercase());
            }
            "--category" => {
                for c in value()?.split(',') {
                    categories.push(Category::parse(c).ok_or_else(|| format!("--category: unknown category `{c}`"))?);
                }
            }
            "--level" => {
                let v = value()?;
                level = Level::parse(v).ok_or_else(|| format!("--level: unknown level `{v}`"))?;
            }
            "--lang" => {
                let v = value()?;
                lang = Some(Lang::from_tag(v).ok_or_else(|| format!("--lang: unsupported language `{v}`"))?);
            }
            "--topic" => topic = Some(value()?.clone()),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    let country = country.ok_or("--country is required")?;
    Ok(Args { country, categories, level, lang, topic })
}

pub fn run(args: &[String]) -> i32 {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return 0;
    }
    let a = match parse(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("before-you-rely resources: {e}\n{USAGE}");
            return 2;
        }
    };
    let query = Query { country: &a.country, categories: &a.categories, level: a.level, lang: a.lang, topic: a.topic.as_deref() };
    match serde_json::to_string_pretty(&route(&query)) {
        Ok(json) => {
            println!("{json}");
            0
        }
        Err(e) => {
            eprintln!("before-you-rely resources: {e}");
            1
        }
    }
}
