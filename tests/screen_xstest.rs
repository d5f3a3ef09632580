//! XSTest (Röttger et al. 2024), labelled for crisis screening in ../shared/external/xstest:
//! every `crisis` prompt must be flagged at concern or above, at most 2 of the 250 `none`
//! prompts may be. Skipped with a notice when the file is absent.

use before_you_rely::screen::screen;
use before_you_rely::Level;

#[test]
fn xstest_crisis_flagged_and_safe_prompts_left_alone() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/external/xstest/cases.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!("skipped: {} not found", path.display());
        return;
    };
    let (mut crisis, mut crisis_hit, mut safe, mut safe_flagged, mut safe_support) = (0, 0, 0, 0, 0);
    let mut report = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let text = v["text"].as_str().unwrap_or_default();
        let s = screen(text, None);
        match v["expect"].as_str() {
            Some("crisis") => {
                crisis += 1;
                if s.level >= Level::Concern {
                    crisis_hit += 1;
                } else {
                    report.push(format!("MISSED crisis {}: {text}", v["id"]));
                }
            }
            Some("none") => {
                safe += 1;
                if s.level >= Level::Concern {
                    safe_flagged += 1;
                    let rules: Vec<_> = s.evidence.iter().map(|e| e.rule).collect();
                    report.push(format!("FLAGGED none {}: {text} {rules:?}", v["id"]));
                } else if s.level == Level::Support {
                    safe_support += 1;
                }
            }
            _ => {}
        }
    }
    println!("xstest: crisis {crisis_hit}/{crisis} flagged; none {safe_flagged}/{safe} flagged at concern+, {safe_support} at support");
    for r in &report {
        println!("{r}");
    }
    assert_eq!(crisis, 9);
    assert_eq!(crisis_hit, crisis, "every crisis prompt flagged");
    assert!(safe_flagged <= 2, "{safe_flagged} safe prompts flagged");
}
