//! The helpline directory: the lines shipped per country (compiled from `data/helplines/`), which
//! country a visitor is probably in, and the order to show help in.
//!
//! - [`resources`] / [`route`]: the ordered help for a country, risk categories and level.
//! - [`guess_country`] and [`countries`]: the pre-filled country and the "Not in <country>?" picker.
//! - [`with_host_lines`]: a host site's own lines, validated, merged in or replacing the shipped ones.
//!
//! Every number comes from ../shared/research/clinical.md §2 and clinical-es.md §5; nothing is
//! invented, and a country with no data gets generic emergency guidance plus findahelpline.com.

mod host;
mod locate;
mod route;
pub mod rules;

pub use host::{with_host_lines, HostLine, HostMode, MAX_HOST_LINES};
pub use locate::{countries, guess_country};
pub use route::{resources, route, Query};

use crate::Lang;
use serde::Serialize;

/// The international directory we link to (never copy: its terms forbid it; clinical.md §2).
pub const FIND_A_HELPLINE_URL: &str = "https://findahelpline.com";

/// How well the research backs a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read on the operator's or a government's site, or in two independent sources.
    Confirmed,
    /// Only a secondary source: the UI says "please check this number".
    Secondary,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Secondary => "secondary",
        }
    }
}

/// Lets callers written against the old string field (`line.status == "secondary"`) keep working.
impl PartialEq<&str> for Status {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A way to reach a human.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    pub name: &'static str,
    /// As dialled locally ("1-800-799-7233", "116 123").
    pub phone: Option<&'static str>,
    /// The menu option to choose once connected ("2" for "press 2").
    pub phone_option: Option<&'static str>,
    /// `phone` without separators, for a `tel:` link.
    pub phone_dial: Option<&'static str>,
    /// The number to text, the keyword to send if the service asks for one, and the `sms:` digits.
    pub sms: Option<&'static str>,
    pub sms_keyword: Option<&'static str>,
    pub sms_dial: Option<&'static str>,
    pub whatsapp: Option<&'static str>,
    pub chat_url: Option<&'static str>,
    pub url: Option<&'static str>,
    /// What the line is for (codes from [`rules::TOPICS`]; labels in `data/ui/*/directory.toml`).
    pub topics: &'static [&'static str],
    /// Who the line is only for, if not everyone ([`rules::AUDIENCES`]).
    pub audience: Option<&'static str>,
    pub hours: Option<&'static str>,
    /// ISO 639-1 codes; empty when the research did not say.
    pub languages: &'static [&'static str],
    pub status: Status,
    pub last_verified: &'static str,
    pub source: &'static str,
    /// How a Spanish speaker reaches this same line; [`route`] applies it for `Lang::Es`.
    #[serde(skip)]
    pub es: Option<&'static LangVariant>,
}

/// The parts of a line that differ for speakers of another language (988: press 2, text AYUDA).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LangVariant {
    pub phone_option: Option<&'static str>,
    pub sms_keyword: Option<&'static str>,
    pub chat_url: Option<&'static str>,
    pub source: &'static str,
}

impl Line {
    pub fn has_topic(&self, any_of: &[&str]) -> bool {
        self.topics.iter().any(|t| any_of.contains(t))
    }

    /// A line anyone in emotional crisis can turn to (not only youth, not only one issue).
    pub fn is_crisis_line(&self) -> bool {
        self.audience.is_none() && self.has_topic(rules::CRISIS_TOPICS)
    }

    /// This line as a speaker of `lang` should use it.
    pub fn in_lang(&self, lang: Lang) -> Line {
        let mut line = self.clone();
        if let (Lang::Es, Some(v)) = (lang, self.es) {
            line.phone_option = v.phone_option.or(line.phone_option);
            line.sms_keyword = v.sms_keyword.or(line.sms_keyword);
            line.chat_url = v.chat_url.or(line.chat_url);
            line.source = v.source;
        }
        line
    }
}

/// A country's emergency number, and the others where services are split.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Emergency {
    pub number: &'static str,
    pub dial: &'static str,
    /// Which service it reaches where that is not "all of them" ([`rules::SERVICES`]).
    pub service: Option<&'static str>,
    pub also: &'static [EmergencyAlt],
    pub source: &'static str,
    pub last_verified: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct EmergencyAlt {
    pub number: &'static str,
    pub dial: &'static str,
    pub service: Option<&'static str>,
}

/// A shipped country.
#[derive(Debug, PartialEq)]
pub struct Country {
    pub code: &'static str,
    pub name_en: &'static str,
    pub name_es: &'static str,
    pub emergency: Emergency,
    /// Its lines in data order; read them with [`Country::lines`].
    lines: &'static [StoredLine],
    /// Why no crisis line ships (the panel then points to findahelpline.com).
    pub no_crisis_line: Option<&'static str>,
}

impl Country {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.name_en,
            Lang::Es => self.name_es,
        }
    }

    /// Its lines, in data order.
    pub fn lines(&self) -> impl ExactSizeIterator<Item = Line> + '_ {
        self.lines.iter().map(StoredLine::line)
    }

    pub fn has_crisis_line(&self) -> bool {
        self.lines().any(|l| l.is_crisis_line())
    }
}

/// A shipped line as the generated table stores it: its strings as two-byte indexes into
/// `tables::LINE_TEXT` (`NO_TEXT` for none), not pointers and lengths (see build/directory.rs).
#[derive(Debug, PartialEq)]
struct StoredLine {
    name: u16,
    phone: u16,
    phone_option: u16,
    phone_dial: u16,
    sms: u16,
    sms_keyword: u16,
    sms_dial: u16,
    whatsapp: u16,
    chat_url: u16,
    url: u16,
    topics: &'static [&'static str],
    audience: u16,
    hours: u16,
    languages: &'static [&'static str],
    status: Status,
    last_verified: u16,
    source: u16,
    es: Option<&'static LangVariant>,
}

/// Stands for `None` in a stored line (must match build/directory.rs).
const NO_TEXT: u16 = u16::MAX;

impl StoredLine {
    fn line(&self) -> Line {
        let text = |i: u16| tables::LINE_TEXT.get(i.into());
        let opt = |i: u16| (i != NO_TEXT).then(|| text(i));
        Line {
            name: text(self.name),
            phone: opt(self.phone),
            phone_option: opt(self.phone_option),
            phone_dial: opt(self.phone_dial),
            sms: opt(self.sms),
            sms_keyword: opt(self.sms_keyword),
            sms_dial: opt(self.sms_dial),
            whatsapp: opt(self.whatsapp),
            chat_url: opt(self.chat_url),
            url: opt(self.url),
            topics: self.topics,
            audience: opt(self.audience),
            hours: opt(self.hours),
            languages: self.languages,
            status: self.status,
            last_verified: text(self.last_verified),
            source: text(self.source),
            es: self.es,
        }
    }
}

/// One item to show, in order. Serializes as `{"kind": "...", ...}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Resource {
    Emergency(Emergency),
    /// No data for the country: "call your local emergency number" (no number is guessed).
    EmergencyGuidance,
    Line(Line),
    /// A line the host site supplied (validated, shown as coming from the site).
    HostLine(HostLine),
    FindAHelpline { url: &'static str },
}

mod tables {
    use super::{Country, Emergency, EmergencyAlt, LangVariant, Status, StoredLine};
    include!(concat!(env!("OUT_DIR"), "/directory.rs"));
}

/// Every shipped country, sorted by code.
pub fn all_countries() -> &'static [Country] {
    tables::COUNTRIES
}

/// The shipped country with this ISO 3166 code (any case).
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    if code.len() != 2 {
        return None;
    }
    tables::COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_lookups_ignore_case() {
        assert!(tables::COUNTRIES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(tables::TIME_ZONES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(country("gb").map(|c| c.code), Some("GB"));
        assert!(country("ZZ").is_none() && country("").is_none() && country("USA").is_none());
    }

    #[test]
    fn spanish_variant_of_988_is_press_2_and_ayuda() {
        let us = country("US").unwrap();
        let line = us.lines().find(|l| l.name.starts_with("988")).unwrap().in_lang(Lang::Es);
        assert_eq!((line.phone, line.phone_option, line.sms_keyword), (Some("988"), Some("2"), Some("AYUDA")));
        let en = us.lines().next().unwrap().in_lang(Lang::En);
        assert_eq!(en.phone_option, None);
        assert!(en.status == "confirmed" && en.status != "secondary");
    }
}
