//! Every rule's own examples (from data/screen/*.rules.toml): positives fire the rule at its
//! level, negatives never fire it; exclusion examples screen below concern.

use before_you_rely::screen::{rule_ids, rule_info, rule_is_marker, screen};
use before_you_rely::Level;

include!(concat!(env!("OUT_DIR"), "/screen_examples.rs"));

#[test]
fn every_rule_example_holds() {
    let ids: Vec<&str> = rule_ids().collect();
    let mut failures = Vec::new();
    for &(index, positive, text) in SCREEN_EXAMPLES {
        let id = ids[index];
        let s = screen(text, None);
        let fired: Vec<(&str, Level)> = s
            .evidence
            .iter()
            .map(|e| (e.rule, e.level))
            .chain(s.distress.iter().map(|c| (c.rule, Level::Support)))
            .collect();
        if rule_is_marker(id) {
            if positive && s.level >= Level::Concern {
                failures.push(format!(
                    "{id}: exclusion example flagged {:?}: {text:?} -> {fired:?}",
                    s.level
                ));
            }
            continue;
        }
        let (_, level) = rule_info(id).expect("rule exists");
        let hit = fired.iter().any(|&(r, l)| r == id && l == level);
        let any = fired.iter().any(|&(r, _)| r == id);
        if positive && !hit {
            failures.push(format!("{id}: positive not fired at {level:?}: {text:?} -> {fired:?}"));
        }
        if !positive && any {
            failures.push(format!("{id}: negative fired: {text:?} -> {fired:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rule examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
