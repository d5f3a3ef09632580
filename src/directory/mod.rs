//! The helpline directory: verified lines per country and the order to show them in.
//! (Stub: the data and routing land with the helpline-directory issue. Until then it knows only the
//! US lines the panel shell shows, from ../shared/research/clinical.md §2, status confirmed.)

use crate::{Category, Level};
use serde::Serialize;

/// A way to reach a human.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    pub name: &'static str,
    pub phone: Option<&'static str>,
    /// The number to text, and the keyword to send if the service asks for one.
    pub sms: Option<&'static str>,
    pub sms_keyword: Option<&'static str>,
    pub chat_url: Option<&'static str>,
    pub url: &'static str,
    pub topics: &'static [&'static str],
    pub hours: Option<&'static str>,
    pub languages: &'static [&'static str],
    pub source: &'static str,
    pub last_verified: &'static str,
    /// "confirmed" or "secondary" (shown with "please check" wording).
    pub status: &'static str,
}

/// One item to show, in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Resource {
    Emergency { number: &'static str },
    Line(Line),
    FindAHelpline { url: &'static str },
}

static US_988: Line = Line {
    name: "988 Suicide & Crisis Lifeline",
    phone: Some("988"),
    sms: Some("988"),
    sms_keyword: None,
    chat_url: Some("https://988lifeline.org"),
    url: "https://988lifeline.org",
    topics: &["suicide", "crisis", "mental-health", "substance-use"],
    hours: Some("24/7"),
    languages: &["en", "es"],
    source: "988lifeline.org; NPR/WBHM and WTOP (Jul 2025) and kffhealthnews.org on Press-3 ending; WP-list",
    last_verified: "2026-11-01",
    status: "confirmed",
};

/// The ordered help for a country, categories and level.
pub fn resources(country: &str, categories: &[Category], level: Level) -> Vec<Resource> {
    let _ = (categories, level);
    if country.eq_ignore_ascii_case("US") {
        vec![Resource::Line(US_988.clone()), Resource::Emergency { number: "911" }]
    } else {
        vec![Resource::FindAHelpline { url: "https://findahelpline.com" }]
    }
}
