//! The "Check in" box: what the person types is screened on the device as they type (debounced), and
//! the help section answers: calm wording matched to what was found, the right lines, help first.

use super::dom::{button, el, text_el, El, Result};
use super::panel::View;
use super::ui::Ui;
use crate::screen::{Screening, Subject};
use crate::{Category, Level};
use wasm_bindgen::JsCast as _;

pub const INPUT_ID: &str = "byr-checkin-input";
pub const WHY_ID: &str = "byr-checkin-why";
pub const SUPPORT_ID: &str = "byr-checkin-support";

/// The section; `value` is what the person had typed before a re-render (e.g. a language switch).
pub fn section(ui: &Ui, value: &str) -> Result<El> {
    let hint_id = "byr-checkin-hint";
    let input = el("textarea")?
        .id(INPUT_ID)?
        .attr("rows", "4")?
        .attr("data-input", "checkin")?
        .attr("aria-describedby", hint_id)?
        .attr("autocomplete", "off")?
        .attr("spellcheck", "true")?
        .attr("part", "checkin-input")?;
    input.0.unchecked_ref::<web_sys::HtmlTextAreaElement>().set_value(value);
    el("section")?
        .class("checkin")?
        .attr("data-slot", "checkin")?
        .attr("aria-labelledby", "byr-checkin-title")?
        .child(el("h3")?.id("byr-checkin-title")?.text(ui.t("checkin.title"))?)?
        .child(el("label")?.attr("for", INPUT_ID)?.text(ui.t("checkin.label"))?)?
        .child(input)?
        .child(el("p")?.id(hint_id)?.class("muted")?.text(ui.t("checkin.hint"))?)?
        .child(button(ui.t("checkin.clear"))?.attr("data-action", "checkin-clear")?)?
        .child(el("p")?.id(SUPPORT_ID)?.class("support-note")?.attr("role", "status")?)?
        .child(el("div")?.id(WHY_ID)?)
}

/// The calm message for a screening at `concern` or above, matched to what was found.
pub fn message_key(screening: &Screening) -> Option<&'static str> {
    let level = screening.level;
    if level < Level::Concern {
        return None;
    }
    if level == Level::Emergency {
        return Some("checkin.emergency");
    }
    let has = |c| screening.categories.contains(&c);
    let key = if has(Category::SexualViolence) {
        "checkin.sexual_violence"
    } else if has(Category::Abuse) {
        "checkin.abuse"
    } else if has(Category::HarmToOthers) {
        "checkin.harm_to_others"
    } else if !screening.evidence.is_empty() && screening.evidence.iter().all(|e| e.subject == Subject::Other) {
        // (Empty evidence means the risk came from a self-check answer, which is about the person.)
        "checkin.other_person"
    } else if has(Category::Psychosis) && screening.categories.len() == 1 {
        "checkin.psychosis"
    } else if level == Level::Urgent {
        "checkin.urgent"
    } else {
        "checkin.concern"
    };
    Some(key)
}

/// The help section's message for what the panel knows now. When the risk comes from a self-check
/// (higher than what the check-in box found), the person typed nothing about it: the wording speaks of
/// their answers, not of what they wrote. The check-in wording wins when it is at least as high.
pub fn help_message_key(view: &View) -> Option<&'static str> {
    let from_checks = view.checks.level;
    if from_checks >= Level::Concern && from_checks > view.screening.level {
        return Some(if from_checks == Level::Emergency { "checkin.checks_emergency" } else { "checkin.checks_concern" });
    }
    message_key(&view.risk())
}

/// "Why am I seeing this?": the phrases and rules behind the finding, folded away by default so the
/// panel does not shout the person's words back at them.
pub fn why(ui: &Ui, source: &str, screening: &Screening) -> Result<Option<El>> {
    if screening.level == Level::None || screening.evidence.is_empty() {
        return Ok(None);
    }
    let mut list = el("ul")?;
    for e in &screening.evidence {
        let phrase = utf16_slice(source, e.start as usize, e.end as usize);
        // A word-model finding has no written rule to name: say what it is instead.
        let rule = if e.rule.ends_with(".model") { ui.t("checkin.model_rule") } else { e.rule };
        list = list.child(text_el("li", "", &ui.fill("checkin.why_item", &[("phrase", &phrase), ("rule", rule)]))?)?;
    }
    let details = el("details")?
        .child(text_el("summary", "", ui.t("checkin.why"))?)?
        .child(text_el("p", "muted", ui.t("checkin.why_intro"))?)?
        .child(list)?
        .child(text_el("p", "muted", ui.t("checkin.checked"))?)?;
    Ok(Some(details))
}

/// The part of `text` between two UTF-16 offsets (the unit the screen reports spans in).
pub fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let mut out = String::new();
    let mut at = 0;
    for c in text.chars() {
        if at >= end {
            break;
        }
        if at >= start {
            out.push(c);
        }
        at += c.len_utf16();
    }
    out
}
