//! The panel shell: heading, the always-visible help section, and one slot per section.

use super::dom::{el, El, Result};
use super::help;
use crate::strings::text;
use crate::{Lang, Level};

/// What the panel is showing; everything the DOM is rendered from.
pub struct View {
    pub lang: Lang,
    pub country: String,
}

/// The sections later features fill, in reading order.
pub const SLOTS: [&str; 5] = ["checkin", "checks", "prompts", "ai", "human"];

pub fn render(view: &View) -> Result<El> {
    let lang = view.lang;
    let header = el("header")?
        .class("panel-header")?
        .child(el("h2")?.id("byr-title")?.text(text(lang, "panel.title"))?)?
        .child(help::jump_button(lang)?)?;
    let mut panel = el("section")?
        .class("panel")?
        .attr("part", "panel")?
        .attr("aria-labelledby", "byr-title")?
        .attr("lang", lang.as_str())?
        .child(header)?
        .child(el("p")?.text(text(lang, "panel.intro"))?)?
        .child(help::section(lang, &view.country, &[], Level::None)?)?;
    for slot in SLOTS {
        panel = panel.child(el("div")?.class("slot")?.attr("data-slot", slot)?)?;
    }
    panel.child(el("p")?.class("muted")?.text(text(lang, "panel.not_a_service"))?)
}
