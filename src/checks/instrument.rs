//! The instruments as data: wording per language, and the scoring rules they share across languages.
//! The tables are compiled from `data/checks/` by `build/checks.rs`, which validates them.

use crate::{Lang, Level};
use serde::Serialize;

/// The self-checks the panel offers. The C-SSRS is absent on purpose: electronic use needs a licence
/// (clinical.md §1.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentId {
    Asq,
    Phq9,
    Phq2,
    Gad7,
    Gad2,
}

impl InstrumentId {
    pub const ALL: [InstrumentId; 5] =
        [InstrumentId::Asq, InstrumentId::Phq9, InstrumentId::Phq2, InstrumentId::Gad7, InstrumentId::Gad2];

    pub fn as_str(self) -> &'static str {
        match self {
            InstrumentId::Asq => "asq",
            InstrumentId::Phq9 => "phq9",
            InstrumentId::Phq2 => "phq2",
            InstrumentId::Gad7 => "gad7",
            InstrumentId::Gad2 => "gad2",
        }
    }

    pub fn parse(s: &str) -> Option<InstrumentId> {
        let s = s.trim();
        InstrumentId::ALL.into_iter().find(|id| id.as_str().eq_ignore_ascii_case(s))
    }
}

/// What an item is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Counts towards the result (PHQ/GAD items, ASQ items 1–4).
    Scored,
    /// ASQ item 5, asked only after a positive answer to 1–4.
    Acuity,
    /// The PHQ-9/GAD-7 "how difficult" item: unscored, asked only when some item is above 0.
    Difficulty,
}

/// One answer a person can pick, with the value it scores.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub value: u8,
    pub label: &'static str,
}

/// One question, in one language.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Stable across languages ("self_harm_thoughts").
    pub key: &'static str,
    pub text: &'static str,
    pub role: Role,
    pub choices: &'static [Choice],
    /// False when no published wording was found and the text is ours: never present it as official.
    pub sourced: bool,
    pub note: Option<&'static str>,
}

/// A result range and what it means for the panel.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Band {
    /// "minimal", "moderately_severe", "at_or_above_cutoff", "acute_positive"… (UI: `checks.band_<key>`).
    pub key: &'static str,
    /// Inclusive score range (0–0 for ASQ results, which have no score).
    pub min: u8,
    pub max: u8,
    pub level: Level,
    pub next: Next,
    /// A positive screen: follow-up is recommended.
    pub positive: bool,
}

/// How an instrument turns answers into a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scoring {
    /// The scored items add up to a total that falls in one band.
    Sum,
    /// The NIMH rule: any yes or refusal on items 1–4 is positive; item 5 decides acute.
    Asq,
}

/// The language-independent part of an instrument.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Rules {
    pub scoring: Scoring,
    /// The highest possible total (`None` for the ASQ).
    pub max_score: Option<u8>,
    /// How many items are asked of everyone (the first ones); the acuity or difficulty item follows.
    pub core_items: usize,
    /// The item whose non-zero answer puts crisis help first (PHQ-9 item 9), and the least level it gives.
    pub crisis_item: Option<usize>,
    pub crisis_level: Level,
    /// Sum: ordered ranges covering 0..=max. ASQ: negative, non_acute_positive, acute_positive.
    pub bands: &'static [Band],
}

/// A self-check in one language: everything the browser needs to show it.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Instrument {
    pub id: InstrumentId,
    pub lang: Lang,
    /// "PHQ-9".
    pub name: &'static str,
    pub title: &'static str,
    pub title_sourced: bool,
    /// The question stem shown above the items ("Over the last 2 weeks…"); none for the ASQ.
    pub stem: Option<&'static str>,
    pub items: &'static [Item],
    /// Show this line with the instrument (NIMH citation; the Pfizer "no permission required" notice).
    pub attribution: &'static str,
    pub attribution_sourced: bool,
    pub attribution_url: Option<&'static str>,
    /// Where the wording comes from, and its status in the research ("confirmed" / "secondary").
    pub source: &'static str,
    pub status: &'static str,
    /// Why any unsourced text is there.
    pub notes: &'static [&'static str],
    pub rules: &'static Rules,
}

/// The next step a result calls for; the UI text is `checks.next_<key>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Next {
    /// Nothing points to a problem; talking to someone can still help.
    SelfCare,
    /// Mild: watch how it goes and talk to a professional if it lasts or worsens.
    Monitor,
    /// Moderate or above: talk with a doctor or licensed mental-health professional (clinical.md §1.5).
    TalkToProfessional,
    /// PHQ-2 ≥ 3: take the full PHQ-9.
    OfferPhq9,
    /// GAD-2 ≥ 3: take the GAD-7.
    OfferGad7,
    /// PHQ-9 item 9 above 0 (or declined): show crisis help and offer the ASQ.
    OfferAsq,
    /// ASQ non-acute positive: crisis help now.
    CrisisNow,
    /// ASQ acute positive: emergency number first.
    EmergencyNow,
    /// Not every scored item was answered, so there is no score.
    Incomplete,
}

impl Next {
    pub const ALL: [Next; 9] = [
        Next::SelfCare,
        Next::Monitor,
        Next::TalkToProfessional,
        Next::OfferPhq9,
        Next::OfferGad7,
        Next::OfferAsq,
        Next::CrisisNow,
        Next::EmergencyNow,
        Next::Incomplete,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Next::SelfCare => "self_care",
            Next::Monitor => "monitor",
            Next::TalkToProfessional => "talk_to_professional",
            Next::OfferPhq9 => "offer_phq9",
            Next::OfferGad7 => "offer_gad7",
            Next::OfferAsq => "offer_asq",
            Next::CrisisNow => "crisis_now",
            Next::EmergencyNow => "emergency_now",
            Next::Incomplete => "incomplete",
        }
    }

    /// The UI string key for this step's wording.
    pub fn ui_key(self) -> &'static str {
        match self {
            Next::SelfCare => "checks.next_self_care",
            Next::Monitor => "checks.next_monitor",
            Next::TalkToProfessional => "checks.next_talk_to_professional",
            Next::OfferPhq9 => "checks.next_offer_phq9",
            Next::OfferGad7 => "checks.next_offer_gad7",
            Next::OfferAsq => "checks.next_offer_asq",
            Next::CrisisNow => "checks.next_crisis_now",
            Next::EmergencyNow => "checks.next_emergency_now",
            Next::Incomplete => "checks.next_incomplete",
        }
    }

    /// The instrument this step offers, if any.
    pub fn offers(self) -> Option<InstrumentId> {
        match self {
            Next::OfferPhq9 => Some(InstrumentId::Phq9),
            Next::OfferGad7 => Some(InstrumentId::Gad7),
            Next::OfferAsq => Some(InstrumentId::Asq),
            _ => None,
        }
    }
}

mod tables {
    use super::{Band, Choice, Instrument, InstrumentId, Item, Next, Role, Rules, Scoring};
    use crate::{Lang, Level};
    include!(concat!(env!("OUT_DIR"), "/checks.rs"));
}

/// The instrument `id` in `lang` (every instrument ships in every language).
pub fn instrument(id: InstrumentId, lang: Lang) -> &'static Instrument {
    tables::table(id, lang)
}

/// The scoring rules of `id` (the same in every language).
pub fn rules(id: InstrumentId) -> &'static Rules {
    tables::table(id, Lang::En).rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for id in InstrumentId::ALL {
            assert_eq!(InstrumentId::parse(id.as_str()), Some(id));
        }
        assert_eq!(InstrumentId::parse("cssrs"), None);
    }

    #[test]
    fn languages_share_structure() {
        for id in InstrumentId::ALL {
            let (en, es) = (instrument(id, Lang::En), instrument(id, Lang::Es));
            assert!(std::ptr::eq(en.rules, es.rules));
            assert_eq!(en.items.len(), es.items.len());
            for (a, b) in en.items.iter().zip(es.items) {
                assert_eq!((a.key, a.role), (b.key, b.role));
                let values = |i: &Item| i.choices.iter().map(|c| c.value).collect::<Vec<_>>();
                assert_eq!(values(a), values(b));
            }
        }
    }

    #[test]
    fn conditional_items_come_after_the_core() {
        for id in InstrumentId::ALL {
            let i = instrument(id, Lang::En);
            let core = i.rules.core_items;
            assert!(i.items[..core].iter().all(|it| it.role == Role::Scored));
            assert!(i.items[core..].iter().all(|it| it.role != Role::Scored));
            assert!(i.items.len() <= core + 1);
        }
    }
}
