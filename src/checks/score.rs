//! Turns answers into a result, exactly by the published rules (clinical.md §1), plus two safety
//! rules the research asks for: PHQ-9 item 9 above 0 puts crisis help first whatever the total, and a
//! crisis-first result never carries a severity band (so "minimal" cannot sit beside it).

use super::instrument::{rules, Band, InstrumentId, Next, Role, Rules, Scoring};
use crate::{strings, Lang, Level};
use serde::Serialize;

/// One answer, in item order. An item past the end of the answers has not been asked yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The value of the chosen `Choice` (PHQ/GAD 0–3; ASQ yes = 1, no = 0).
    Value(u8),
    /// Skipped or declined. On the ASQ items 1–4 this counts as positive (NIMH); on PHQ/GAD items it
    /// leaves the check unscored.
    Declined,
}

/// The result of a self-check. Field order is the CLI's JSON order.
///
/// Invariant the UI can rely on: when `crisis_first` is true, `band` is either `None` (PHQ-9 item 9
/// above 0: the crisis help replaces the severity label, whatever the total) or a positive ASQ result.
/// So no reassuring label ("minimal", "negative") is ever shown beside a positive suicide-related answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub instrument: InstrumentId,
    /// The total (PHQ/GAD, when every scored item is answered); `None` for the ASQ and for partial answers.
    pub score: Option<u8>,
    /// The band key (`checks.band_<key>`); `None` when PHQ-9 item 9 puts crisis help first or nothing is
    /// decided yet.
    pub band: Option<&'static str>,
    /// A positive screen (band at or above the cut-off, an ASQ positive, or PHQ-9 item 9 above 0).
    pub positive: bool,
    /// ASQ acute positive.
    pub acute: bool,
    pub level: Level,
    pub next: Next,
    /// Show crisis help before anything else (ASQ positive, PHQ-9 item 9 above 0).
    pub crisis_first: bool,
    /// Every item the flow asks has been answered or declined.
    pub complete: bool,
}

impl Outcome {
    /// The band's label in `lang`, if there is a band to show.
    pub fn band_label(&self, lang: Lang) -> Option<&'static str> {
        self.band.map(|key| strings::text(lang, band_ui_key(key)))
    }

    /// The wording of the next step in `lang`.
    pub fn next_text(&self, lang: Lang) -> &'static str {
        strings::text(lang, self.next.ui_key())
    }
}

/// The UI key of a band's label. Band keys come from data, so the lookup is a fixed table.
pub fn band_ui_key(band: &str) -> &'static str {
    match band {
        "minimal" => "checks.band_minimal",
        "mild" => "checks.band_mild",
        "moderate" => "checks.band_moderate",
        "moderately_severe" => "checks.band_moderately_severe",
        "severe" => "checks.band_severe",
        "below_cutoff" => "checks.band_below_cutoff",
        "at_or_above_cutoff" => "checks.band_at_or_above_cutoff",
        "negative" => "checks.band_negative",
        "non_acute_positive" => "checks.band_non_acute_positive",
        "acute_positive" => "checks.band_acute_positive",
        _ => "checks.band_unknown",
    }
}

/// Why a list of answers cannot be scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// More answers than the instrument has items.
    TooMany { items: usize },
    /// A value that is not one of the item's choices. `item` counts from 1.
    NotAChoice { item: usize, value: u8 },
    /// An answer to an item the flow does not ask here (ASQ item 5 after a negative screen, the
    /// difficulty item when every item is 0). `item` counts from 1.
    NotAsked { item: usize },
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerError::TooMany { items } => write!(f, "too many answers: the instrument has {items} items"),
            AnswerError::NotAChoice { item, value } => write!(f, "item {item}: {value} is not one of its answers"),
            AnswerError::NotAsked { item } => write!(f, "item {item} is not asked after these answers"),
        }
    }
}

impl std::error::Error for AnswerError {}

/// Whether item `index` is asked, given the answers before it. Conditional items come last (the build
/// checks it), so the answers before them are the core answers.
pub(super) fn is_asked(id: InstrumentId, before: &[Answer]) -> bool {
    let items = super::instrument(id, Lang::En).items;
    let Some(item) = items.get(before.len()) else { return false };
    match item.role {
        Role::Scored => true,
        Role::Acuity => asq_positive(before),
        Role::Difficulty => before.iter().any(|a| matches!(a, Answer::Value(v) if *v > 0)),
    }
}

/// NIMH: "Yes" to any of items 1–4, or a refusal, is a positive screen.
fn asq_positive(core: &[Answer]) -> bool {
    core.iter().any(|a| matches!(a, Answer::Declined | Answer::Value(1)))
}

/// Checks answers against the flow: each item asked, each value one of the item's choices.
pub fn validate(id: InstrumentId, answers: &[Answer]) -> Result<(), AnswerError> {
    let items = super::instrument(id, Lang::En).items;
    if answers.len() > items.len() {
        return Err(AnswerError::TooMany { items: items.len() });
    }
    for (i, answer) in answers.iter().enumerate() {
        if !is_asked(id, &answers[..i]) {
            return Err(AnswerError::NotAsked { item: i + 1 });
        }
        if let Answer::Value(v) = answer {
            if !items[i].choices.iter().any(|c| c.value == *v) {
                return Err(AnswerError::NotAChoice { item: i + 1, value: *v });
            }
        }
    }
    Ok(())
}

/// Scores `answers` (in item order; a short list is a partial answer).
///
/// Partial answers: a PHQ/GAD with a scored item missing or skipped has no score or band
/// (`next = incomplete`), but a positive item 9 still puts crisis help first, and a skipped item 9
/// offers the ASQ. An ASQ is positive as soon as one of items 1–4 is yes or declined.
pub fn score(id: InstrumentId, answers: &[Answer]) -> Result<Outcome, AnswerError> {
    validate(id, answers)?;
    Ok(evaluate(id, answers))
}

/// Scores answers already validated (the session validates each one as it comes in).
pub(super) fn evaluate(id: InstrumentId, answers: &[Answer]) -> Outcome {
    let rules = rules(id);
    let core = &answers[..answers.len().min(rules.core_items)];
    match rules.scoring {
        Scoring::Sum => score_sum(id, rules, core),
        Scoring::Asq => score_asq(id, rules, core, answers.get(rules.core_items).copied()),
    }
}

fn score_sum(id: InstrumentId, rules: &Rules, core: &[Answer]) -> Outcome {
    let mut total: u8 = 0;
    let mut answered = 0;
    for answer in core {
        if let Answer::Value(v) = answer {
            total = total.saturating_add(*v);
            answered += 1;
        }
    }
    let band: Option<&'static Band> =
        if answered == rules.core_items { rules.bands.iter().find(|b| (b.min..=b.max).contains(&total)) } else { None };
    let crisis_answer = rules.crisis_item.and_then(|i| core.get(i));
    let crisis_first = matches!(crisis_answer, Some(Answer::Value(v)) if *v > 0);
    let mut outcome = Outcome {
        instrument: id,
        score: band.map(|_| total),
        band: band.map(|b| b.key),
        positive: band.is_some_and(|b| b.positive),
        acute: false,
        level: band.map_or(Level::None, |b| b.level),
        next: band.map_or(Next::Incomplete, |b| b.next),
        crisis_first,
        complete: band.is_some(),
    };
    if crisis_first {
        // clinical.md §1.2 "Item 9 handling": crisis panel and the ASQ, whatever the total; no band beside it.
        outcome.band = None;
        outcome.positive = true;
        outcome.level = outcome.level.max(rules.crisis_level);
        outcome.next = Next::OfferAsq;
    } else if matches!(crisis_answer, Some(Answer::Declined)) {
        // Declining the suicide-related item is treated like the ASQ treats a refusal: worth asking more.
        outcome.next = Next::OfferAsq;
    }
    outcome
}

fn score_asq(id: InstrumentId, rules: &Rules, core: &[Answer], acuity: Option<Answer>) -> Outcome {
    let positive = asq_positive(core);
    let band_key = if !positive {
        (core.len() == rules.core_items).then_some("negative")
    } else {
        match acuity {
            Some(Answer::Value(0)) => Some("non_acute_positive"),
            // Declining "right now?" after a positive screen is treated as acute, mirroring the NIMH
            // rule that a refusal counts as the riskier answer.
            Some(_) => Some("acute_positive"),
            None => None,
        }
    };
    let band = band_key.and_then(|key| rules.bands.iter().find(|b| b.key == key));
    let mut outcome = Outcome {
        instrument: id,
        score: None,
        band: band.map(|b| b.key),
        positive,
        acute: band.is_some_and(|b| b.key == "acute_positive"),
        level: band.map_or(Level::None, |b| b.level),
        next: band.map_or(Next::Incomplete, |b| b.next),
        crisis_first: positive,
        complete: band.is_some(),
    };
    if positive && band.is_none() {
        // clinical.md §1.1: a browser cannot do the toolkit's "cannot leave until evaluated", so any
        // positive shows crisis help now, even before item 5 is answered.
        let non_acute = rules.bands.iter().find(|b| b.key == "non_acute_positive");
        outcome.level = non_acute.map_or(Level::Urgent, |b| b.level);
        outcome.next = non_acute.map_or(Next::CrisisNow, |b| b.next);
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::{Declined, Value};

    fn vals(v: &[u8]) -> Vec<Answer> {
        v.iter().map(|&x| Value(x)).collect()
    }

    #[test]
    fn phq9_bands_and_crisis_item() {
        let o = score(InstrumentId::Phq9, &vals(&[1, 1, 1, 1, 0, 0, 0, 0, 0])).unwrap();
        assert_eq!((o.score, o.band, o.level, o.crisis_first), (Some(4), Some("minimal"), Level::None, false));
        let o = score(InstrumentId::Phq9, &vals(&[1, 1, 0, 0, 0, 0, 0, 0, 1])).unwrap();
        assert_eq!((o.score, o.band, o.next, o.crisis_first), (Some(3), None, Next::OfferAsq, true));
        assert_eq!(o.level, Level::Concern);
    }

    #[test]
    fn asq_paths() {
        let neg = score(InstrumentId::Asq, &vals(&[0, 0, 0, 0])).unwrap();
        assert_eq!((neg.band, neg.positive, neg.level), (Some("negative"), false, Level::None));
        let acute = score(InstrumentId::Asq, &vals(&[0, 1, 0, 0, 1])).unwrap();
        assert!(acute.acute && acute.crisis_first && acute.level == Level::Emergency);
        let declined = score(InstrumentId::Asq, &[Declined, Value(0), Value(0), Value(0), Value(0)]).unwrap();
        assert!(declined.positive && !declined.acute && declined.level == Level::Urgent);
    }

    #[test]
    fn answers_outside_the_flow_are_refused() {
        assert_eq!(score(InstrumentId::Asq, &vals(&[0, 0, 0, 0, 1])), Err(AnswerError::NotAsked { item: 5 }));
        assert_eq!(score(InstrumentId::Phq2, &vals(&[0, 4])), Err(AnswerError::NotAChoice { item: 2, value: 4 }));
        assert_eq!(score(InstrumentId::Gad2, &vals(&[0, 0, 0])), Err(AnswerError::TooMany { items: 2 }));
    }
}
