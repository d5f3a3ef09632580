//! Every band boundary, range end and safety rule of every instrument (clinical.md §1, §5).

use before_you_rely::checks::{instrument, score, Answer, InstrumentId, Next, Outcome};
use before_you_rely::{Lang, Level};
use Answer::{Declined, Value};
use InstrumentId::{Asq, Gad2, Gad7, Phq2, Phq9};

/// Answers for `n` items adding up to `total`, filling items from the first, with item 9 (if any) left 0
/// unless the total needs it.
fn with_total(n: usize, total: u8) -> Vec<Answer> {
    let mut left = total;
    (0..n)
        .map(|_| {
            let v = left.min(3);
            left -= v;
            Value(v)
        })
        .collect()
}

fn sum(id: InstrumentId, n: usize, total: u8) -> Outcome {
    let o = score(id, &with_total(n, total)).expect("valid answers");
    assert_eq!(o.score, Some(total), "{id:?} total {total}");
    o
}

fn asq(answers: &[Answer]) -> Outcome {
    score(Asq, answers).expect("valid answers")
}

#[test]
fn phq9_band_boundaries() {
    // clinical.md §1.2: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe.
    // Totals up to 24 fit in items 1–8, so item 9 stays 0 and no crisis rule interferes.
    let cases = [
        (0, "minimal", Level::None, Next::SelfCare, false),
        (4, "minimal", Level::None, Next::SelfCare, false),
        (5, "mild", Level::None, Next::Monitor, false),
        (9, "mild", Level::None, Next::Monitor, false),
        (10, "moderate", Level::Support, Next::TalkToProfessional, true),
        (14, "moderate", Level::Support, Next::TalkToProfessional, true),
        (15, "moderately_severe", Level::Support, Next::TalkToProfessional, true),
        (19, "moderately_severe", Level::Support, Next::TalkToProfessional, true),
        (20, "severe", Level::Support, Next::TalkToProfessional, true),
        (24, "severe", Level::Support, Next::TalkToProfessional, true),
    ];
    for (total, band, level, next, positive) in cases {
        let o = sum(Phq9, 9, total);
        assert_eq!(
            (o.band, o.level, o.next, o.positive, o.crisis_first),
            (Some(band), level, next, positive, false),
            "PHQ-9 {total}"
        );
        assert!(o.complete && !o.acute);
    }
}

#[test]
fn phq9_maximum_is_27_and_crisis_first() {
    let o = sum(Phq9, 9, 27);
    assert!(o.crisis_first && o.band.is_none());
    assert_eq!((o.level, o.next), (Level::Support.max(Level::Concern), Next::OfferAsq));
}

#[test]
fn phq9_item_9_puts_crisis_first_and_never_minimal() {
    // clinical.md §1.2 "Item 9 handling": item 9 = 1 with a total of 3 is "minimal" by the bands.
    let answers = [Value(1), Value(1), Value(0), Value(0), Value(0), Value(0), Value(0), Value(0), Value(1)];
    let o = score(Phq9, &answers).unwrap();
    assert_eq!(o.score, Some(3));
    assert!(o.crisis_first && o.positive);
    assert_eq!(o.band, None, "no band label beside a positive item 9");
    assert_eq!(o.level, Level::Concern);
    assert_eq!(o.next, Next::OfferAsq);
    // Every answer to item 9 above 0, at every total it allows, behaves the same.
    for item9 in 1..=3u8 {
        for total in item9..=27 {
            let mut a = with_total(8, total - item9);
            if a.iter().map(|x| if let Value(v) = x { *v } else { 0 }).sum::<u8>() != total - item9 {
                continue; // not reachable with 8 items
            }
            a.push(Value(item9));
            let o = score(Phq9, &a).unwrap();
            assert!(o.crisis_first && o.band.is_none() && o.level >= Level::Concern && o.next == Next::OfferAsq);
        }
    }
}

#[test]
fn phq9_item_9_counts_even_when_unfinished() {
    let mut a = vec![Declined; 8];
    a.push(Value(2));
    let o = score(Phq9, &a).unwrap();
    assert!(!o.complete && o.score.is_none() && o.crisis_first && o.level == Level::Concern);
}

#[test]
fn phq9_partial_answers_are_not_scored() {
    let o = score(Phq9, &with_total(5, 15)).unwrap();
    assert_eq!((o.score, o.band, o.next, o.level, o.complete), (None, None, Next::Incomplete, Level::None, false));
    let mut skipped = with_total(9, 6);
    skipped[3] = Declined;
    let o = score(Phq9, &skipped).unwrap();
    assert_eq!((o.score, o.next), (None, Next::Incomplete));
    // Skipping item 9 itself offers the ASQ instead.
    let mut skipped9 = with_total(8, 6);
    skipped9.push(Declined);
    assert_eq!(score(Phq9, &skipped9).unwrap().next, Next::OfferAsq);
}

#[test]
fn phq9_difficulty_item_is_unscored_and_only_asked_after_a_problem() {
    let mut a = with_total(9, 6);
    let before = score(Phq9, &a).unwrap();
    a.push(Value(3));
    assert_eq!(score(Phq9, &a).unwrap(), before);
    let mut zeros = with_total(9, 0);
    zeros.push(Value(1));
    assert!(score(Phq9, &zeros).is_err());
}

#[test]
fn gad7_band_boundaries() {
    // clinical.md §1.3: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe.
    let cases = [
        (0, "minimal", Level::None, false),
        (4, "minimal", Level::None, false),
        (5, "mild", Level::None, false),
        (9, "mild", Level::None, false),
        (10, "moderate", Level::Support, true),
        (14, "moderate", Level::Support, true),
        (15, "severe", Level::Support, true),
        (21, "severe", Level::Support, true),
    ];
    for (total, band, level, positive) in cases {
        let o = sum(Gad7, 7, total);
        assert_eq!(
            (o.band, o.level, o.positive, o.crisis_first),
            (Some(band), level, positive, false),
            "GAD-7 {total}"
        );
    }
}

#[test]
fn short_forms_offer_the_long_form_at_3() {
    // clinical.md §1.2 (PHQ-2 ≥3 → PHQ-9) and §1.3 (GAD-2 ≥3 → GAD-7).
    for (id, offer) in [(Phq2, Next::OfferPhq9), (Gad2, Next::OfferGad7)] {
        for total in 0..=6u8 {
            let o = sum(id, 2, total);
            if total >= 3 {
                assert_eq!(
                    (o.band, o.positive, o.next, o.level),
                    (Some("at_or_above_cutoff"), true, offer, Level::Support)
                );
            } else {
                assert_eq!(
                    (o.band, o.positive, o.next, o.level),
                    (Some("below_cutoff"), false, Next::SelfCare, Level::None)
                );
            }
        }
        assert_eq!(offer.offers(), Some(if id == Phq2 { Phq9 } else { Gad7 }));
    }
}

#[test]
fn maxima_match_the_research() {
    for (id, max) in [(Phq9, Some(27)), (Phq2, Some(6)), (Gad7, Some(21)), (Gad2, Some(6)), (Asq, None)] {
        assert_eq!(instrument(id, Lang::En).rules.max_score, max, "{id:?}");
    }
}

#[test]
fn asq_all_no_is_negative() {
    let o = asq(&[Value(0); 4]);
    assert_eq!(
        (o.band, o.positive, o.acute, o.level, o.next),
        (Some("negative"), false, false, Level::None, Next::SelfCare)
    );
    assert!(o.complete && !o.crisis_first && o.score.is_none());
}

#[test]
fn asq_one_yes_then_not_right_now_is_non_acute() {
    for yes in 0..4 {
        let mut a = vec![Value(0); 4];
        a[yes] = Value(1);
        let pending = asq(&a);
        assert!(pending.positive && pending.crisis_first && !pending.complete, "positive before item 5");
        assert_eq!((pending.level, pending.next), (Level::Urgent, Next::CrisisNow));
        a.push(Value(0));
        let o = asq(&a);
        assert_eq!(
            (o.band, o.positive, o.acute, o.level, o.next),
            (Some("non_acute_positive"), true, false, Level::Urgent, Next::CrisisNow)
        );
        assert!(o.complete && o.crisis_first);
    }
}

#[test]
fn asq_one_yes_then_right_now_is_acute() {
    let o = asq(&[Value(0), Value(0), Value(1), Value(0), Value(1)]);
    assert_eq!(
        (o.band, o.positive, o.acute, o.level, o.next),
        (Some("acute_positive"), true, true, Level::Emergency, Next::EmergencyNow)
    );
    assert!(o.crisis_first);
}

#[test]
fn asq_declining_counts_as_positive() {
    // clinical.md §1.1: "Yes" to any of Q1–4, "or refuses to answer" → positive.
    for declined in 0..4 {
        let mut a = vec![Value(0); 4];
        a[declined] = Declined;
        a.push(Value(0));
        let o = asq(&a);
        assert_eq!((o.band, o.positive, o.level), (Some("non_acute_positive"), true, Level::Urgent));
    }
    // Declining item 5 after a positive screen is taken as acute (documented in score.rs).
    let o = asq(&[Value(1), Value(0), Value(0), Value(0), Declined]);
    assert!(o.acute && o.level == Level::Emergency);
}

#[test]
fn asq_unfinished_without_a_yes_is_undecided() {
    let o = asq(&[Value(0), Value(0)]);
    assert_eq!((o.band, o.positive, o.complete, o.next), (None, false, false, Next::Incomplete));
}

#[test]
fn crisis_first_never_shows_a_reassuring_band() {
    // Exhaustive over the ASQ and the PHQ-2/GAD-2; PHQ-9 over item 9 × totals above.
    let yn = [Value(0), Value(1), Declined];
    for a in yn {
        for b in yn {
            for c in yn {
                for d in yn {
                    for e in [None, Some(Value(0)), Some(Value(1)), Some(Declined)] {
                        let mut answers = vec![a, b, c, d];
                        answers.extend(e);
                        let Ok(o) = score(Asq, &answers) else { continue };
                        if o.crisis_first {
                            assert!(matches!(o.band, None | Some("non_acute_positive" | "acute_positive")));
                            assert!(o.level >= Level::Urgent);
                        }
                    }
                }
            }
        }
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any complete PHQ-9: the score is the sum of items 1–9, its band contains it, and item 9 alone
        /// decides crisis-first, which always drops the band and lifts the level to at least concern.
        #[test]
        fn phq9_invariants(items in proptest::collection::vec(0u8..=3, 9)) {
            let answers: Vec<Answer> = items.iter().map(|&v| Value(v)).collect();
            let o = score(Phq9, &answers).unwrap();
            let total: u8 = items.iter().sum();
            prop_assert_eq!(o.score, Some(total));
            prop_assert_eq!(o.crisis_first, items[8] > 0);
            if o.crisis_first {
                prop_assert!(o.band.is_none() && o.level >= Level::Concern && o.next == Next::OfferAsq);
            } else {
                let band = instrument(Phq9, Lang::En).rules.bands.iter().find(|b| Some(b.key) == o.band).unwrap();
                prop_assert!(band.min <= total && total <= band.max);
                prop_assert_eq!(o.positive, total >= 10);
            }
        }

        /// Any complete GAD-7: positive exactly at the validated cut-off of 10 (clinical.md §1.3).
        #[test]
        fn gad7_invariants(items in proptest::collection::vec(0u8..=3, 7)) {
            let answers: Vec<Answer> = items.iter().map(|&v| Value(v)).collect();
            let o = score(Gad7, &answers).unwrap();
            let total: u8 = items.iter().sum();
            prop_assert_eq!((o.score, o.positive, o.crisis_first), (Some(total), total >= 10, false));
        }
    }
}
