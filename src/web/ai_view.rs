//! The "Before you rely on AI" section: what AI chat can and cannot do for mental health, what
//! experts advise (APA Health Advisory 2025, Kalam et al. 2024; clinical.md §4), and the closing
//! line. Text only; the sources are cited as text because the research gives no verified URLs.

use super::dom::{el, text_el, El, Result};
use super::ui::Ui;
use super::State;

pub const HEADING_ID: &str = "byr-ai-title";

const CAN: [&str; 3] = ["ai.can_reflect", "ai.can_information", "ai.can_prompts"];
const CANNOT: [&str; 6] = [
    "ai.cannot_judgement",
    "ai.cannot_continuity",
    "ai.cannot_coordinate",
    "ai.cannot_crisis",
    "ai.cannot_privacy",
    "ai.cannot_dependence",
];
const SOURCES: [&str; 2] = ["ai.source_apa", "ai.source_kalam"];

/// The section's content, rendered into `<div data-slot="ai">`.
pub fn render(ui: &Ui, _state: &State) -> Result<El> {
    let sources = el("details")?
        .class("ai-sources")?
        .child(text_el("summary", "", ui.t("ai.sources_heading"))?)?
        .child(list(ui, &SOURCES, "muted")?)?;
    el("section")?
        .class("ai")?
        .attr("part", "ai")?
        .attr("aria-labelledby", HEADING_ID)?
        .child(el("h3")?.id(HEADING_ID)?.text(ui.t("ai.heading"))?)?
        .child(text_el("p", "", ui.t("ai.lead"))?)?
        .child(
            el("div")?
                .class("ai-lists")?
                .child(column(ui, "ai.can_heading", &CAN, "ai-can")?)?
                .child(column(ui, "ai.cannot_heading", &CANNOT, "ai-cannot")?)?,
        )?
        .child(text_el("h4", "", ui.t("ai.advice_heading"))?)?
        .child(text_el("p", "", ui.t("ai.advice_apa"))?)?
        .child(text_el("p", "", ui.t("ai.advice_kalam"))?)?
        .child(sources)?
        .child(text_el("p", "", ui.t("ai.next_steps"))?)?
        .child(text_el("p", "bridge", ui.t("ai.bridge"))?)
}

/// A heading and its list, e.g. "What AI chat can help with".
fn column(ui: &Ui, heading: &str, keys: &[&str], class: &str) -> Result<El> {
    el("div")?.class(class)?.child(text_el("h4", "", ui.t(heading))?)?.child(list(ui, keys, "")?)
}

pub(crate) fn list(ui: &Ui, keys: &[&str], class: &str) -> Result<El> {
    let mut ul = el("ul")?;
    if !class.is_empty() {
        ul = ul.class(class)?;
    }
    for key in keys {
        ul = ul.child(text_el("li", "", ui.t(key))?)?;
    }
    Ok(ul)
}
