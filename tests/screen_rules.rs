//! Every rule's own examples (from data/screen/*.rules.toml): positives fire the rule at its
//! level, negatives never fire it; exclusion examples screen below concern, and a marker's
//! negatives never match its patterns unless the risk beside them is still found.

use before_you_rely::screen::{matched_rules, rule_ids, rule_info, rule_is_marker, screen};
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
            // A marker's negative (often real risk an exclusion must leave alone) must not match
            // its patterns, unless the risk is still found beside it.
            if !positive && s.level < Level::Concern && matched_rules(text).iter().any(|r| r == id) {
                failures.push(format!("{id}: negative matched the marker: {text:?} -> {fired:?}"));
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
