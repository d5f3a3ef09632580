//! The labelled sets under tests/screen/ (`<level>\t<tag>\t<text>` a line): per-level confusion,
//! recall at concern+ on crisis cases, every emergency at urgent+, false-positive rate on the rest,
//! and how often a flagged crisis case is given one of its labelled categories (the panel's wording
//! and helplines follow the category).
//! Files named `*.heldout.tsv` are reported only (an estimate of how the rules generalise).

use before_you_rely::screen::screen;
use before_you_rely::{Category, Lang, Level};

struct Case {
    level: Level,
    tag: String,
    text: String,
}

fn load(name: &str) -> Vec<Case> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/screen")
        .join(name);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            let (Some(level), Some(tag), Some(text)) = (parts.next(), parts.next(), parts.next()) else {
                panic!("{name}: bad line {l:?}")
            };
            let level = Level::parse(level).unwrap_or_else(|| panic!("{name}: bad level in {l:?}"));
            Case {
                level,
                tag: tag.to_string(),
                text: text.to_string(),
            }
        })
        .collect()
}

struct Scores {
    crisis: usize,
    recalled: usize,
    emergencies: usize,
    emergencies_urgent: usize,
    safe: usize,
    false_positives: usize,
    exact: usize,
    total: usize,
    /// Flagged crisis cases labelled with a category, and those whose categories include one.
    categorised: usize,
    named: usize,
    confusion: [[usize; 5]; 5],
    misses: Vec<String>,
}

fn evaluate(cases: &[Case], lang: Option<Lang>) -> Scores {
    let mut s = Scores {
        crisis: 0,
        recalled: 0,
        emergencies: 0,
        emergencies_urgent: 0,
        safe: 0,
        false_positives: 0,
        exact: 0,
        total: cases.len(),
        categorised: 0,
        named: 0,
        confusion: [[0; 5]; 5],
        misses: Vec::new(),
    };
    for c in cases {
        let got = screen(&c.text, lang);
        s.confusion[c.level as usize][got.level as usize] += 1;
        s.exact += usize::from(got.level == c.level);
        let rules: Vec<&str> = got.evidence.iter().map(|e| e.rule).collect();
        if c.level >= Level::Concern {
            s.crisis += 1;
            if got.level >= Level::Concern {
                s.recalled += 1;
                let labelled: Vec<Category> = c.tag.split(',').filter_map(Category::parse).collect();
                if !labelled.is_empty() {
                    s.categorised += 1;
                    s.named += usize::from(got.categories.iter().any(|k| labelled.contains(k)));
                }
            } else {
                s.misses
                    .push(format!("MISS  {:?}->{:?} [{}] {}", c.level, got.level, c.tag, c.text));
            }
            if c.level == Level::Emergency {
                s.emergencies += 1;
                if got.level >= Level::Urgent {
                    s.emergencies_urgent += 1;
                } else {
                    s.misses
                        .push(format!("EMERG {:?}->{:?} [{}] {}", c.level, got.level, c.tag, c.text));
                }
            }
        } else {
            s.safe += 1;
            if got.level >= Level::Concern {
                s.false_positives += 1;
                s.misses.push(format!(
                    "FP    {:?}->{:?} [{}] {} {rules:?}",
                    c.level, got.level, c.tag, c.text
                ));
            }
        }
    }
    s
}

fn report(name: &str, s: &Scores) {
    println!(
        "{name}: {} cases; recall concern+ {}/{} = {:.3}; emergencies at urgent+ {}/{}; false positives {}/{} = {:.3}; exact level {}/{}; category named {}/{}",
        s.total,
        s.recalled,
        s.crisis,
        s.recalled as f64 / s.crisis.max(1) as f64,
        s.emergencies_urgent,
        s.emergencies,
        s.false_positives,
        s.safe,
        s.false_positives as f64 / s.safe.max(1) as f64,
        s.exact,
        s.total,
        s.named,
        s.categorised
    );
    println!("  confusion (rows expected, columns got: none support concern urgent emergency)");
    for (i, row) in s.confusion.iter().enumerate() {
        println!("  {:>9} {:?}", Level::ALL[i].as_str(), row);
    }
    for m in &s.misses {
        println!("  {m}");
    }
}

fn check(name: &str, lang: Lang, min_cases: usize) {
    let cases = load(name);
    assert!(
        cases.len() >= min_cases,
        "{name}: {} cases, want {min_cases}+",
        cases.len()
    );
    for l in Level::ALL {
        assert!(cases.iter().any(|c| c.level == l), "{name}: no {l:?} case");
    }
    // Once with the language given, once detected: both must meet the bars.
    for hint in [Some(lang), None] {
        let s = evaluate(&cases, hint);
        report(&format!("{name} (lang {hint:?})"), &s);
        assert!(s.recalled as f64 >= 0.95 * s.crisis as f64, "{name}: recall below 0.95");
        assert_eq!(s.emergencies_urgent, s.emergencies, "{name}: an emergency below urgent");
        assert!(
            s.false_positives as f64 <= 0.03 * s.safe as f64,
            "{name}: false-positive rate above 3%"
        );
        assert!(s.named as f64 >= 0.95 * s.categorised as f64, "{name}: a labelled category named for under 95%");
    }
}

#[test]
fn english_labelled_set_meets_the_bars() {
    check("en.tsv", Lang::En, 400);
}

#[test]
fn spanish_labelled_set_meets_the_bars() {
    check("es.tsv", Lang::Es, 200);
}

#[test]
fn every_category_is_covered() {
    for name in ["en.tsv", "es.tsv"] {
        let cases = load(name);
        for c in before_you_rely::Category::ALL {
            assert!(
                cases.iter().any(|k| k.tag == c.as_str() && k.level >= Level::Concern),
                "{name}: no {c:?} case"
            );
        }
    }
}

#[test]
fn held_out_sets_are_reported() {
    // `*.blind*.tsv` were written by people who never read the rules. Each was measured once on
    // first contact (the figures are in the issue notes); earlier rounds were then used to find
    // classes of error, so only the newest rounds (blind67 onwards) are still unseen: neither
    // rules nor model have learned from them. Reported here, never asserted.
    // Every labelled set beside the two asserted ones (training sets too: their figures on first
    // contact are in the commit that added them), in name order.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screen");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/screen")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tsv") && n != "en.tsv" && n != "es.tsv")
        .collect();
    names.sort();
    for name in &names {
        let lang = if name.starts_with("es.") { Lang::Es } else { Lang::En };
        report(name, &evaluate(&load(name), Some(lang)));
    }
}

#[test]
fn a_plain_disclosure_after_a_safe_message_is_flagged() {
    // The word model may overrule the rules where it is all but sure a message holds no risk (a
    // ward round, a game, a debt question). Told plainly in a sentence of its own after any of
    // these, risk must still be found: the veto reads that sentence alone too.
    for (name, lang, disclosures) in [
        ("en.tsv", Lang::En, ["I want to kill myself.", "Honestly I just want to die."]),
        ("es.tsv", Lang::Es, ["Quiero matarme.", "La verdad me quiero morir."]),
    ] {
        let mut lost = Vec::new();
        for c in load(name).iter().filter(|c| c.level < Level::Concern) {
            let stop = if c.text.trim_end().ends_with(['.', '!', '?']) { "" } else { "." };
            for d in disclosures {
                let text = format!("{}{stop} {d}", c.text.trim_end());
                if screen(&text, Some(lang)).level < Level::Concern {
                    lost.push(text);
                }
            }
        }
        assert!(lost.is_empty(), "{name}: a disclosure went unflagged after a safe message: {lost:#?}");
    }
}
