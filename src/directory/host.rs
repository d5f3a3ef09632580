//! Lines a host site supplies at run time (its own counselling service, a local line we do not
//! ship). They arrive as JSON the browser layer parses into [`HostLine`]s; each is checked with the
//! same rules as the shipped data before it is shown, and the emergency number is never removed.

use super::{rules, Resource};
use serde::{Deserialize, Serialize};

/// The most host lines taken; more are rejected.
pub const MAX_HOST_LINES: usize = 20;
const MAX_NAME: usize = 120;
const MAX_HOURS: usize = 80;
const MAX_LIST: usize = 12;
const MAX_TOPIC: usize = 40;

/// A line supplied by the host page. Unknown JSON fields are ignored; the dial fields are filled in.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct HostLine {
    pub name: String,
    pub phone: Option<String>,
    /// The menu option to choose once connected, as digits.
    pub phone_option: Option<String>,
    #[serde(skip_deserializing)]
    pub phone_dial: Option<String>,
    pub sms: Option<String>,
    pub sms_keyword: Option<String>,
    #[serde(skip_deserializing)]
    pub sms_dial: Option<String>,
    pub chat_url: Option<String>,
    pub url: Option<String>,
    /// Free-form topic words (lowercase letters, digits, '-' or '_').
    pub topics: Vec<String>,
    pub hours: Option<String>,
    pub languages: Vec<String>,
    /// Only for this ISO 3166 country; `None` means every country.
    pub country: Option<String>,
}

/// Whether host lines join the shipped ones (after them) or take their place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HostMode {
    #[default]
    Merge,
    Replace,
}

/// Validates `host` lines and adds those for `country` to `resources` (from [`super::route`]).
/// Returns the new list and one reason per rejected line. `Merge` puts host lines after the shipped
/// lines; `Replace` drops the shipped lines, but only if at least one host line was accepted.
/// Emergency items, guidance and findahelpline.com always stay where they were.
pub fn with_host_lines(resources: Vec<Resource>, country: &str, host: Vec<HostLine>, mode: HostMode) -> (Vec<Resource>, Vec<String>) {
    let mut rejected = Vec::new();
    let mut accepted = Vec::new();
    for (i, line) in host.into_iter().enumerate() {
        if i >= MAX_HOST_LINES {
            rejected.push(format!("host line {}: more than {MAX_HOST_LINES} lines", i + 1));
            continue;
        }
        match check(line) {
            Ok(line) => {
                let for_here = line.country.as_deref().is_none_or(|c| c.eq_ignore_ascii_case(country.trim()));
                if for_here {
                    accepted.push(Resource::HostLine(line));
                }
            }
            Err((name, why)) => rejected.push(format!("host line {} ({name:?}): {why}", i + 1)),
        }
    }
    if accepted.is_empty() {
        return (resources, rejected);
    }
    let is_line = |r: &Resource| matches!(r, Resource::Line(_) | Resource::HostLine(_));
    let mut out = resources;
    let at = match out.iter().rposition(is_line) {
        Some(last) if mode == HostMode::Replace => {
            let first = out.iter().position(is_line).unwrap_or(last);
            out.retain(|r| !matches!(r, Resource::Line(_)));
            first
        }
        Some(last) => last + 1,
        // No shipped lines: before findahelpline.com, or after a leading emergency item.
        None => out
            .iter()
            .position(|r| matches!(r, Resource::FindAHelpline { .. }))
            .unwrap_or(usize::from(matches!(out.first(), Some(Resource::Emergency(_) | Resource::EmergencyGuidance)))),
    };
    let at = at.min(out.len());
    out.splice(at..at, accepted);
    (out, rejected)
}

/// Trims and checks one line; on failure returns (name, reason).
fn check(mut l: HostLine) -> Result<HostLine, (String, String)> {
    let trim = |s: &mut Option<String>| {
        if let Some(v) = s {
            let t = v.trim();
            *s = (!t.is_empty()).then(|| t.to_string());
        }
    };
    for field in [&mut l.phone, &mut l.phone_option, &mut l.sms, &mut l.sms_keyword, &mut l.chat_url, &mut l.url, &mut l.hours, &mut l.country] {
        trim(field);
    }
    l.name = l.name.trim().to_string();
    let name: String = l.name.chars().take(MAX_NAME).collect();
    let err = |why: &str| Err((name.clone(), why.to_string()));

    if l.name.is_empty() || l.name.chars().count() > MAX_NAME || l.name.chars().any(char::is_control) {
        return err("name must be 1–120 characters without control characters");
    }
    if l.phone.as_deref().is_some_and(|p| !rules::is_dial_string(p)) {
        return err("phone must be digits with single spaces or hyphens, optionally a leading + or *");
    }
    if l.phone_option.as_deref().is_some_and(|o| l.phone.is_none() || !rules::is_menu_option(o)) {
        return err("phone_option needs a phone and must be one or two digits");
    }
    if l.sms.as_deref().is_some_and(|s| !rules::is_dial_string(s)) {
        return err("sms must be digits with single spaces or hyphens, optionally a leading +");
    }
    if l.sms_keyword.as_deref().is_some_and(|k| l.sms.is_none() || !rules::is_sms_keyword(k)) {
        return err("sms_keyword needs an sms number and must be letters or digits");
    }
    if [&l.chat_url, &l.url].into_iter().flatten().any(|u| !rules::is_https_url(u)) {
        return err("url and chat_url must be https: links");
    }
    if l.phone.is_none() && l.sms.is_none() && l.chat_url.is_none() && l.url.is_none() {
        return err("needs a phone, sms, chat_url or url");
    }
    if l.hours.as_deref().is_some_and(|h| h.chars().count() > MAX_HOURS || h.chars().any(char::is_control)) {
        return err("hours must be at most 80 characters");
    }
    let word = |s: &String, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    };
    if l.topics.len() > MAX_LIST || !l.topics.iter().all(|t| word(t, MAX_TOPIC)) {
        return err("topics must be at most 12 lowercase words");
    }
    if l.languages.len() > MAX_LIST || !l.languages.iter().all(|c| rules::is_language_code(c)) {
        return err("languages must be at most 12 ISO 639 codes");
    }
    if l.country.as_deref().is_some_and(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic())) {
        return err("country must be a two-letter ISO 3166 code");
    }
    l.phone_dial = l.phone.as_deref().map(rules::dial_digits);
    l.sms_dial = l.sms.as_deref().map(rules::dial_digits);
    Ok(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_trims_and_fills_dial_fields() {
        let l = HostLine { name: " Campus line ".into(), phone: Some(" 1-800-555-0100 ".into()), ..HostLine::default() };
        let ok = check(l).unwrap();
        assert_eq!((ok.name.as_str(), ok.phone_dial.as_deref()), ("Campus line", Some("18005550100")));
    }
}
