//! The "Need help now?" section: the directory's resources for the person's country, as cards.

use super::dom::{button, el, link, El, Result};
use crate::directory::{self, Line, Resource};
use crate::links::{sms_href, tel_href};
use crate::strings::{fill, text};
use crate::{Category, Lang, Level};

pub const SECTION_ID: &str = "byr-help";
pub const HEADING_ID: &str = "byr-help-title";

/// The whole help section for `country`, ordered for `categories` and `level`.
pub fn section(lang: Lang, country: &str, categories: &[Category], level: Level) -> Result<El> {
    let heading = el("h3")?.id(HEADING_ID)?.attr("tabindex", "-1")?.text(text(lang, "panel.help_now"))?;
    let mut cards = el("ul")?.class("cards")?;
    for resource in directory::resources(country, categories, level) {
        cards = cards.child(card(lang, &resource)?)?;
    }
    el("section")?
        .id(SECTION_ID)?
        .class("help")?
        .attr("part", "help")?
        .attr("aria-labelledby", HEADING_ID)?
        .child(heading)?
        .child(el("p")?.text(text(lang, "help.lead"))?)?
        .child(cards)
}

fn card(lang: Lang, resource: &Resource) -> Result<El> {
    let item = el("li")?.class("card")?.attr("part", "card")?;
    match resource {
        Resource::Emergency { number } => {
            let call = action(tel_href(number).as_deref(), &fill(lang, "help.call", &[("number", number)]), true)?;
            item.child(el("p")?.class("emergency")?.text(&fill(lang, "help.emergency", &[("number", number)]))?)?
                .child(el("div")?.class("actions")?.child(call)?)
        }
        Resource::Line(line) => line_card(lang, item, line),
        Resource::FindAHelpline { url } => item.child(el("p")?.child(link(url, text(lang, "help.elsewhere"))?)?),
    }
}

fn line_card(lang: Lang, item: El, line: &Line) -> Result<El> {
    let mut actions = el("div")?.class("actions")?;
    if let Some(phone) = line.phone {
        actions = actions.child(action(tel_href(phone).as_deref(), &fill(lang, "help.call", &[("number", phone)]), true)?)?;
    }
    if let Some(sms) = line.sms {
        let label = match line.sms_keyword {
            Some(k) => fill(lang, "help.text_keyword", &[("keyword", k), ("number", sms)]),
            None => fill(lang, "help.text", &[("number", sms)]),
        };
        actions = actions.child(action(sms_href(sms, line.sms_keyword).as_deref(), &label, false)?)?;
    }
    if let Some(chat) = line.chat_url {
        actions = actions.child(link(chat, text(lang, "help.chat"))?.class("action")?)?;
    }
    let mut card = item.child(el("h4")?.text(line.name)?)?.child(actions)?;
    if let Some(hours) = line.hours {
        card = card.child(el("p")?.class("muted")?.text(&fill(lang, "help.hours", &[("hours", hours)]))?)?;
    }
    if !line.languages.is_empty() {
        let langs = line.languages.join(", ");
        card = card.child(el("p")?.class("muted")?.text(&fill(lang, "help.languages", &[("languages", &langs)]))?)?;
    }
    if line.status == "secondary" {
        card = card.child(el("p")?.class("muted")?.text(text(lang, "help.please_check"))?)?;
    }
    card.child(el("p")?.class("muted")?.text(&fill(lang, "help.last_checked", &[("date", line.last_verified)]))?)
}

/// A big tappable link (`tel:`/`sms:`); plain text if the number cannot be dialled.
fn action(href: Option<&str>, label: &str, primary: bool) -> Result<El> {
    match href {
        Some(href) => link(href, label)?.class(if primary { "action primary" } else { "action" }),
        None => el("span")?.text(label),
    }
}

/// The "Need help now?" button at the top of every view.
pub fn jump_button(lang: Lang) -> Result<El> {
    button(text(lang, "panel.help_now"))?
        .class("help-jump primary")?
        .attr("part", "help-button")?
        .attr("aria-controls", SECTION_ID)?
        .attr("data-action", "help")
}
