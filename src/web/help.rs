//! The "Need help now?" section: the directory's resources for the person's country, as cards, and
//! the "Not in <country>?" picker. Every number is rendered verbatim from data, never paraphrased.

use super::checkin;
use super::config::Config;
use super::dom::{button, el, link, text_el, El, Result};
use super::panel::View;
use super::ui::Ui;
use crate::directory::{self, Emergency, HostLine, Line, Query, Resource};
use crate::links::{sms_href, tel_href};

pub const SECTION_ID: &str = "byr-help";
pub const HEADING_ID: &str = "byr-help-title";
pub const MESSAGE_ID: &str = "byr-help-message";
pub const CARDS_ID: &str = "byr-help-cards";
pub const PICKER_ID: &str = "byr-country";
pub const REMEMBER_ID: &str = "byr-country-remember";
/// How many lines show before the rest fold away.
const SHOWN_LINES: usize = 3;
/// The picker's value for "my country is not listed".
pub const OTHER: &str = "other";

/// The help section, ordered and worded for what the last screening found.
/// The message is a live region that stays in place, so a screen reader announces its changes.
pub fn section(ui: &Ui, view: &View, config: &Config) -> Result<El> {
    let heading = el("h3")?.id(HEADING_ID)?.attr("tabindex", "-1")?.text(ui.t("panel.help_now"))?;
    let message = el("p")?.id(MESSAGE_ID)?.class("help-message")?.attr("role", "status")?;
    let message = match checkin::help_message_key(view) {
        Some(key) => message.text(ui.t(key))?,
        None => message,
    };
    el("section")?
        .id(SECTION_ID)?
        .class("help")?
        .attr("part", "help")?
        .attr("aria-labelledby", HEADING_ID)?
        .child(heading)?
        .child(message)?
        .child(text_el("p", "", ui.t("help.lead"))?)?
        .child(cards(ui, view, config)?)?
        .child(picker(ui, &view.country, view.remember_country)?)
}

/// The ordered cards alone (replaced in place when a new screening changes the order).
pub fn cards(ui: &Ui, view: &View, config: &Config) -> Result<El> {
    let risk = view.risk();
    let query = Query {
        country: &view.country,
        categories: &risk.categories,
        level: risk.level,
        lang: Some(ui.lang),
        topic: None,
    };
    let (resources, _) = directory::with_host_lines(directory::route(&query), &view.country, config.lines.clone(), config.lines_mode);
    // The first few lines, the emergency number and the fallbacks are always in view; further lines
    // fold under "More helplines" so the first screen is not a wall of cards.
    let mut list = el("ul")?.id(CARDS_ID)?.class("cards")?;
    let mut more = el("ul")?.class("cards")?;
    let (mut shown, mut folded) = (0, 0);
    for resource in &resources {
        let is_line = matches!(resource, Resource::Line(_) | Resource::HostLine(_));
        if is_line && shown >= SHOWN_LINES {
            more = more.child(card(ui, resource)?)?;
            folded += 1;
        } else {
            shown += usize::from(is_line);
            list = list.child(card(ui, resource)?)?;
        }
    }
    if folded > 0 {
        let summary = text_el("summary", "", &ui.fill("help.more", &[("count", &folded.to_string())]))?;
        list = list.child(el("li")?.class("more")?.child(el("details")?.child(summary)?.child(more)?)?)?;
    }
    Ok(list)
}

fn card(ui: &Ui, resource: &Resource) -> Result<El> {
    let item = el("li")?.class("card")?.attr("part", "card")?;
    match resource {
        Resource::Emergency(e) => emergency_card(ui, item, e),
        Resource::EmergencyGuidance => item.child(text_el("p", "emergency", ui.t("directory.local_emergency"))?),
        Resource::Line(line) => line_card(ui, item, line),
        Resource::HostLine(line) => host_card(ui, item, line),
        Resource::FindAHelpline { url } => {
            item.child(el("p")?.child(tracked(link(url, ui.t("directory.other_help"))?, "findahelpline.com", "web")?)?)
        }
    }
}

fn emergency_card(ui: &Ui, item: El, e: &Emergency) -> Result<El> {
    let call = action(tel_href(e.dial).as_deref(), &ui.fill("help.call", &[("number", e.number)]), true)?;
    let mut card = item
        .class("card emergency-card")?
        .child(text_el("p", "emergency", &ui.fill("help.emergency", &[("number", e.number)]))?)?
        .child(el("div")?.class("actions")?.child(tracked(call, "emergency", "call")?)?)?;
    if !e.also.is_empty() {
        let also: Vec<String> = e
            .also
            .iter()
            .map(|a| match a.service {
                Some(s) => format!("{} ({})", a.number, ui.t(&format!("directory.service_{s}"))),
                None => a.number.to_string(),
            })
            .collect();
        card = card.child(text_el("p", "muted", &ui.fill("directory.emergency_also", &[("numbers", &also.join(", "))]))?)?;
    }
    Ok(card)
}

fn line_card(ui: &Ui, item: El, line: &Line) -> Result<El> {
    let mut actions = el("div")?.class("actions")?;
    if let Some(phone) = line.phone {
        let label = match line.phone_option {
            Some(option) => ui.fill("directory.call_option", &[("number", phone), ("option", option)]),
            None => ui.fill("help.call", &[("number", phone)]),
        };
        actions = actions.child(tracked(action(line.phone_dial.and_then(tel_href).as_deref(), &label, true)?, line.name, "call")?)?;
    }
    if let Some(sms) = line.sms {
        let label = match line.sms_keyword {
            Some(k) => ui.fill("help.text_keyword", &[("keyword", k), ("number", sms)]),
            None => ui.fill("help.text", &[("number", sms)]),
        };
        let href = sms_href(line.sms_dial.unwrap_or(sms), line.sms_keyword);
        actions = actions.child(tracked(action(href.as_deref(), &label, false)?, line.name, "text")?)?;
    }
    if let Some(chat) = line.chat_url {
        actions = actions.child(tracked(link(chat, ui.t("help.chat"))?.class("action")?, line.name, "chat")?)?;
    }
    if let Some(url) = line.url.filter(|u| Some(*u) != line.chat_url) {
        actions = actions.child(tracked(link(url, ui.t("help.website"))?.class("action")?, line.name, "web")?)?;
    }
    let mut card = item.child(text_el("h4", "", line.name)?)?;
    let topics: Vec<String> = line.topics.iter().map(|t| ui.t(&format!("directory.topic_{t}")).to_string()).collect();
    if !topics.is_empty() {
        card = card.child(text_el("p", "muted", &ui.fill("directory.topics", &[("topics", &topics.join(", "))]))?)?;
    }
    card = card.child(actions)?;
    if let Some(hours) = line.hours {
        card = card.child(text_el("p", "muted", &ui.fill("help.hours", &[("hours", hours)]))?)?;
    }
    if !line.languages.is_empty() {
        let langs = line.languages.join(", ").to_ascii_uppercase();
        card = card.child(text_el("p", "muted", &ui.fill("help.languages", &[("languages", &langs)]))?)?;
    }
    if line.status == "secondary" {
        card = card.child(text_el("p", "please-check", ui.t("help.please_check"))?)?;
    }
    card.child(text_el("p", "muted", &ui.fill("help.last_checked", &[("date", line.last_verified)]))?)
}

/// A host-supplied line: rendered as text only, marked as coming from the site.
fn host_card(ui: &Ui, item: El, line: &HostLine) -> Result<El> {
    let mut actions = el("div")?.class("actions")?;
    if let Some(phone) = &line.phone {
        let href = line.phone_dial.as_deref().and_then(tel_href);
        actions = actions.child(tracked(action(href.as_deref(), &ui.fill("help.call", &[("number", phone)]), true)?, &line.name, "call")?)?;
    }
    if let Some(sms) = &line.sms {
        let label = match &line.sms_keyword {
            Some(k) => ui.fill("help.text_keyword", &[("keyword", k), ("number", sms)]),
            None => ui.fill("help.text", &[("number", sms)]),
        };
        let href = sms_href(line.sms_dial.as_deref().unwrap_or(sms), line.sms_keyword.as_deref());
        actions = actions.child(tracked(action(href.as_deref(), &label, false)?, &line.name, "text")?)?;
    }
    if let Some(chat) = &line.chat_url {
        actions = actions.child(tracked(link(chat, ui.t("help.chat"))?.class("action")?, &line.name, "chat")?)?;
    }
    if let Some(url) = &line.url {
        actions = actions.child(tracked(link(url, ui.t("help.website"))?.class("action")?, &line.name, "web")?)?;
    }
    let mut card = item.child(text_el("h4", "", &line.name)?)?.child(actions)?;
    if let Some(hours) = &line.hours {
        card = card.child(text_el("p", "muted", &ui.fill("help.hours", &[("hours", hours)]))?)?;
    }
    card.child(text_el("p", "muted", ui.t("directory.host_line"))?)
}

/// Marks a link so a click can be reported to the host as `before-you-rely:resource` (which line
/// and how; never a number the person dialled).
fn tracked(link: El, resource: &str, kind: &str) -> Result<El> {
    link.attr("data-resource", resource)?.attr("data-kind", kind)
}

/// A big tappable link (`tel:`/`sms:`); plain text if the number cannot be dialled.
fn action(href: Option<&str>, label: &str, primary: bool) -> Result<El> {
    match href {
        Some(href) => link(href, label)?.class(if primary { "action primary" } else { "action" }),
        None => text_el("span", "", label),
    }
}

/// "Not in <country>?": every shipped country, plus "Other".
fn picker(ui: &Ui, current: &str, remember: bool) -> Result<El> {
    let current_name = directory::country(current).map(|c| c.name(ui.lang)).unwrap_or("");
    let label = if current_name.is_empty() { ui.t("directory.country").to_string() } else { ui.fill("directory.not_in", &[("country", current_name)]) };
    let mut select = el("select")?.id(PICKER_ID)?.attr("data-input", "country")?;
    for (code, name) in directory::countries(ui.lang) {
        let mut option = el("option")?.attr("value", code)?.text(name)?;
        if code == current {
            option = option.attr("selected", "")?;
        }
        select = select.child(option)?;
    }
    let mut other = el("option")?.attr("value", OTHER)?.text(ui.t("directory.other"))?;
    if current_name.is_empty() {
        other = other.attr("selected", "")?;
    }
    select = select.child(other)?;
    let mut check = el("input")?.id(REMEMBER_ID)?.attr("type", "checkbox")?.attr("data-input", "country-remember")?;
    if remember {
        check = check.attr("checked", "")?;
    }
    let remember = el("div")?
        .class("check")?
        .child(check)?
        .child(el("label")?.attr("for", REMEMBER_ID)?.text(ui.t("help.remember_country"))?)?;
    el("div")?.class("picker")?.child(el("label")?.attr("for", PICKER_ID)?.text(&label)?)?.child(select)?.child(remember)
}

/// The "Need help now?" button at the top of every view.
pub fn jump_button(ui: &Ui) -> Result<El> {
    button(ui.t("panel.help_now"))?
        .class("help-jump primary")?
        .attr("part", "help-button")?
        .attr("aria-controls", SECTION_ID)?
        .attr("data-action", "help")
}
