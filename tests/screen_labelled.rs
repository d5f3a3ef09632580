//! The labelled sets under tests/screen/ (`<level>\t<tag>\t<text>` a line): per-level confusion,
//! recall at concern+ on crisis cases, every emergency at urgent+, false-positive rate on the rest.
//! Files named `*.heldout.tsv` are reported only (an estimate of how the rules generalise).

use before_you_rely::screen::screen;
use before_you_rely::{Lang, Level};

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
        "{name}: {} cases; recall concern+ {}/{} = {:.3}; emergencies at urgent+ {}/{}; false positives {}/{} = {:.3}; exact level {}/{}",
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
        s.total
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
    // classes of error, so only the newest rounds (blind12..23) are still unseen: neither
    // rules nor model have learned from them. Reported here, never asserted.
    for (name, lang) in [
        ("en.heldout.tsv", Lang::En),
        ("es.heldout.tsv", Lang::Es),
        ("en.blind.tsv", Lang::En),
        ("es.blind.tsv", Lang::Es),
        ("en.blind2.tsv", Lang::En),
        ("es.blind2.tsv", Lang::Es),
        ("en.blind3.tsv", Lang::En),
        ("es.blind3.tsv", Lang::Es),
        ("en.blind4.tsv", Lang::En),
        ("es.blind4.tsv", Lang::Es),
        ("en.blind5.tsv", Lang::En),
        ("es.blind5.tsv", Lang::Es),
        ("en.blind6.tsv", Lang::En),
        ("es.blind6.tsv", Lang::Es),
        ("en.blind7.tsv", Lang::En),
        ("es.blind7.tsv", Lang::Es),
        ("en.blind8.tsv", Lang::En),
        ("es.blind8.tsv", Lang::Es),
        ("en.blind9.tsv", Lang::En),
        ("es.blind9.tsv", Lang::Es),
        ("en.blind10.tsv", Lang::En),
        ("es.blind10.tsv", Lang::Es),
        ("en.blind11.tsv", Lang::En),
        ("es.blind11.tsv", Lang::Es),
        ("en.blind12.tsv", Lang::En),
        ("es.blind12.tsv", Lang::Es),
        ("en.blind13.tsv", Lang::En),
        ("es.blind13.tsv", Lang::Es),
        ("en.blind14.tsv", Lang::En),
        ("es.blind14.tsv", Lang::Es),
        ("en.blind15.tsv", Lang::En),
        ("es.blind15.tsv", Lang::Es),
        ("en.blind16.tsv", Lang::En),
        ("es.blind16.tsv", Lang::Es),
        ("en.blind17.tsv", Lang::En),
        ("es.blind17.tsv", Lang::Es),
        ("en.blind18.tsv", Lang::En),
        ("es.blind18.tsv", Lang::Es),
        ("en.blind19.tsv", Lang::En),
        ("es.blind19.tsv", Lang::Es),
        ("en.blind20.tsv", Lang::En),
        ("es.blind20.tsv", Lang::Es),
        ("en.blind21.tsv", Lang::En),
        ("es.blind21.tsv", Lang::Es),
        ("en.blind22.tsv", Lang::En),
        ("es.blind22.tsv", Lang::Es),
        ("en.blind23.tsv", Lang::En),
        ("es.blind23.tsv", Lang::Es),
        ("en.trainA.tsv", Lang::En),
        ("en.trainB.tsv", Lang::En),
        ("es.trainA.tsv", Lang::Es),
        ("es.trainB.tsv", Lang::Es),
        ("en.trainC.tsv", Lang::En),
        ("en.trainD.tsv", Lang::En),
        ("es.trainC.tsv", Lang::Es),
        ("es.trainD.tsv", Lang::Es),
        ("en.trainE.tsv", Lang::En),
        ("en.trainF.tsv", Lang::En),
        ("en.trainG.tsv", Lang::En),
        ("es.trainE.tsv", Lang::Es),
        ("es.trainF.tsv", Lang::Es),
        ("es.trainG.tsv", Lang::Es),
        ("en.trainH.tsv", Lang::En),
        ("en.trainI.tsv", Lang::En),
        ("en.trainJ.tsv", Lang::En),
        ("es.trainH.tsv", Lang::Es),
        ("es.trainI.tsv", Lang::Es),
        ("es.trainJ.tsv", Lang::Es),
        ("en.trainK.tsv", Lang::En),
        ("en.trainL.tsv", Lang::En),
        ("es.trainK.tsv", Lang::Es),
        ("es.trainL.tsv", Lang::Es),
        ("en.trainM.tsv", Lang::En),
        ("en.trainN.tsv", Lang::En),
        ("es.trainM.tsv", Lang::Es),
        ("es.trainN.tsv", Lang::Es),
        ("en.trainO.tsv", Lang::En),
        ("es.trainO.tsv", Lang::Es),
        ("en.trainP.tsv", Lang::En),
        ("es.trainP.tsv", Lang::Es),
        ("en.trainQ.tsv", Lang::En),
        ("es.trainQ.tsv", Lang::Es),
        ("en.trainR.tsv", Lang::En),
        ("es.trainR.tsv", Lang::Es),
        ("en.trainS.tsv", Lang::En),
        ("es.trainS.tsv", Lang::Es),
        ("en.trainT.tsv", Lang::En),
        ("es.trainT.tsv", Lang::Es),
        ("en.trainU.tsv", Lang::En),
        ("es.trainU.tsv", Lang::Es),
        ("en.trainV.tsv", Lang::En),
        ("es.trainV.tsv", Lang::Es),
        ("en.trainW.tsv", Lang::En),
        ("es.trainW.tsv", Lang::Es),
        ("en.trainX.tsv", Lang::En),
        ("es.trainX.tsv", Lang::Es),
        ("en.trainY.tsv", Lang::En),
        ("es.trainY.tsv", Lang::Es),
        ("en.trainZ.tsv", Lang::En),
        ("es.trainZ.tsv", Lang::Es),
        ("en.trainAA.tsv", Lang::En),
        ("es.trainAA.tsv", Lang::Es),
        ("en.trainAB.tsv", Lang::En),
        ("es.trainAB.tsv", Lang::Es),
        ("en.trainAC.tsv", Lang::En),
        ("es.trainAC.tsv", Lang::Es),
        ("en.trainAD.tsv", Lang::En),
        ("es.trainAD.tsv", Lang::Es),
        ("en.trainAE.tsv", Lang::En),
        ("es.trainAE.tsv", Lang::Es),
        ("en.trainAF.tsv", Lang::En),
        ("es.trainAF.tsv", Lang::Es),
        ("en.trainAG.tsv", Lang::En),
        ("es.trainAG.tsv", Lang::Es),
        ("en.trainAH.tsv", Lang::En),
        ("es.trainAH.tsv", Lang::Es),
        ("en.trainAI.tsv", Lang::En),
        ("es.trainAI.tsv", Lang::Es),
        ("en.trainAJ.tsv", Lang::En),
        ("es.trainAJ.tsv", Lang::Es),
        ("en.trainAK.tsv", Lang::En),
        ("es.trainAK.tsv", Lang::Es),
        ("en.trainAL.tsv", Lang::En),
        ("es.trainAL.tsv", Lang::Es),
        ("en.trainAM.tsv", Lang::En),
        ("es.trainAM.tsv", Lang::Es),
        ("en.trainAN.tsv", Lang::En),
        ("es.trainAN.tsv", Lang::Es),
        ("en.trainAO.tsv", Lang::En),
        ("es.trainAO.tsv", Lang::Es),
        ("en.trainAP.tsv", Lang::En),
        ("es.trainAP.tsv", Lang::Es),
        ("en.trainAQ.tsv", Lang::En),
        ("es.trainAQ.tsv", Lang::Es),
        ("en.trainAR.tsv", Lang::En),
        ("es.trainAR.tsv", Lang::Es),
        ("en.trainAS.tsv", Lang::En),
        ("es.trainAS.tsv", Lang::Es),
        ("en.trainAT.tsv", Lang::En),
        ("es.trainAT.tsv", Lang::Es),
        ("en.trainAU.tsv", Lang::En),
        ("es.trainAU.tsv", Lang::Es),
        ("en.trainAV.tsv", Lang::En),
        ("es.trainAV.tsv", Lang::Es),
        ("en.trainAW.tsv", Lang::En),
        ("es.trainAW.tsv", Lang::Es),
        ("en.trainAX.tsv", Lang::En),
        ("es.trainAX.tsv", Lang::Es),
        ("en.trainAY.tsv", Lang::En),
        ("es.trainAY.tsv", Lang::Es),
        ("en.trainAZ.tsv", Lang::En),
        ("es.trainAZ.tsv", Lang::Es),
        ("en.trainBA.tsv", Lang::En),
        ("es.trainBA.tsv", Lang::Es),
        ("en.trainBB.tsv", Lang::En),
        ("es.trainBB.tsv", Lang::Es),
        ("en.trainBC.tsv", Lang::En),
        ("es.trainBC.tsv", Lang::Es),
        ("en.trainBD.tsv", Lang::En),
        ("es.trainBD.tsv", Lang::Es),
        ("en.trainBE.tsv", Lang::En),
        ("es.trainBE.tsv", Lang::Es),
        ("en.trainBF.tsv", Lang::En),
        ("en.trainBG.tsv", Lang::En),
        ("es.trainBG.tsv", Lang::Es),
        ("en.trainBH.tsv", Lang::En),
        ("es.trainBH.tsv", Lang::Es),
        ("en.trainBI.tsv", Lang::En),
        ("es.trainBI.tsv", Lang::Es),
        ("en.trainBJ.tsv", Lang::En),
        ("es.trainBJ.tsv", Lang::Es),
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/screen")
            .join(name);
        if path.exists() {
            report(name, &evaluate(&load(name), Some(lang)));
        }
    }
}
