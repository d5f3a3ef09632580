//! The vocabulary every engine shares: how urgent something is, what kind of risk it is, which language.

use serde::Serialize;

/// How urgent a finding is, in increasing order. `Ord` follows urgency, so `max()` picks the worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing of concern.
    #[default]
    None,
    /// Distress without a risk signal.
    Support,
    /// A risk signal without immediacy.
    Concern,
    /// Active risk: intent, plan, current self-harm, ongoing abuse.
    Urgent,
    /// Danger now.
    Emergency,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::None, Level::Support, Level::Concern, Level::Urgent, Level::Emergency];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Support => "support",
            Level::Concern => "concern",
            Level::Urgent => "urgent",
            Level::Emergency => "emergency",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// The kind of risk a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Suicide,
    SelfHarm,
    Abuse,
    SexualViolence,
    HarmToOthers,
    Psychosis,
    Overdose,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Suicide,
        Category::SelfHarm,
        Category::Abuse,
        Category::SexualViolence,
        Category::HarmToOthers,
        Category::Psychosis,
        Category::Overdose,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Suicide => "suicide",
            Category::SelfHarm => "self_harm",
            Category::Abuse => "abuse",
            Category::SexualViolence => "sexual_violence",
            Category::HarmToOthers => "harm_to_others",
            Category::Psychosis => "psychosis",
            Category::Overdose => "overdose",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        let s = s.trim();
        Category::ALL.into_iter().find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
}

/// The languages the widget speaks. Anything else falls back to English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Reads a BCP 47 tag ("es", "es-MX", "EN_us"); `None` for a language we do not ship.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(primary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_order_by_urgency() {
        assert!(Level::Emergency > Level::Urgent && Level::Urgent > Level::Concern);
        assert!(Level::Concern > Level::Support && Level::Support > Level::None);
    }

    #[test]
    fn names_round_trip() {
        for l in Level::ALL {
            assert_eq!(Level::parse(l.as_str()), Some(l));
        }
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        assert_eq!(Lang::from_tag("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
