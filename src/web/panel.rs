//! The full panel: heading, the check-in box, the always-visible help section, one slot per section
//! and quick exit. Sections the host switched off are left out.

use super::config::Config;
use super::dom::{el, text_el, El, Result};
use super::ui::Ui;
use super::{checkin, exit, help};
use crate::screen::Screening;
use crate::{Category, Lang, Level};

/// What the panel is showing; the DOM is rendered from it. Lives in memory only.
pub struct View {
    pub lang: Lang,
    /// ISO code, or "" when the country is unknown or "Other" was picked.
    pub country: String,
    /// The person ticked "Remember my choice" (the country is then in localStorage).
    pub remember_country: bool,
    /// What the person typed in the check-in box and how it screened.
    pub checkin: String,
    pub screening: Screening,
    /// What the self-checks found (set by the checks section; memory only).
    pub checks: CheckSignal,
}

/// The risk a self-check result carries, for the help section (e.g. PHQ-9 item 9 > 0, ASQ positive).
#[derive(Clone, Debug, Default)]
pub struct CheckSignal {
    pub level: Level,
    pub categories: Vec<Category>,
    /// The latest completed PHQ-9 and GAD-7 totals, for the prompts (a high score means gentle prompts).
    pub phq9: Option<u8>,
    pub gad7: Option<u8>,
}

impl View {
    /// The risk the help section answers: the worse of the check-in screening and the self-checks.
    pub fn risk(&self) -> Screening {
        // Both lists' categories, once each, in `Category` order (no std sort code in the wasm).
        let present = |c: &Category| self.screening.categories.contains(c) || self.checks.categories.contains(c);
        let categories: Vec<Category> = Category::ALL.into_iter().filter(present).collect();
        let mut risk = self.screening.clone();
        risk.level = risk.level.max(self.checks.level);
        risk.categories = categories;
        risk
    }
}

/// The sections later features fill, in reading order after the help section.
pub const SLOTS: [&str; 4] = ["checks", "prompts", "ai", "human"];

pub fn render(ui: &Ui, view: &View, config: &Config) -> Result<El> {
    let header = el("header")?
        .class("panel-header")?
        .child(el("h2")?.id("byr-title")?.text(ui.t("panel.title"))?)?
        .child(help::jump_button(ui)?)?;
    let mut panel = el("section")?
        .class("panel")?
        .attr("part", "panel")?
        .attr("aria-labelledby", "byr-title")?
        .attr("lang", ui.lang.as_str())?
        .child(header)?
        // Quick exit comes before anything sensitive, in reading and keyboard order.
        .child(exit::control(ui)?)?
        .child(text_el("p", "intro", ui.t("panel.intro"))?)?;
    if !config.hidden.contains(&"checkin") {
        panel = panel.child(checkin::section(ui, &view.checkin)?)?;
    }
    panel = panel.child(help::section(ui, view, config)?)?;
    for slot in SLOTS.iter().filter(|s| !config.hidden.contains(s)) {
        panel = panel.child(el("div")?.class("slot")?.attr("data-slot", slot)?)?;
    }
    panel.child(text_el("p", "muted", ui.t("panel.not_a_service"))?)
}

/// True when what the person wrote calls for the help section to come before everything else.
pub fn help_first(screening: &Screening) -> bool {
    screening.level >= Level::Concern
}
