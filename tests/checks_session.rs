//! The one-question-at-a-time flow the browser drives. State lives in the `Session` value the caller owns.

use before_you_rely::checks::{InstrumentId, Next, Progress, Role, Session};
use before_you_rely::{Lang, Level};

#[test]
fn phq9_flow_asks_the_difficulty_item_only_after_a_problem() {
    let mut s = Session::new(InstrumentId::Phq9);
    for _ in 0..9 {
        assert_eq!(s.current_item(Lang::En).map(|i| i.role), Some(Role::Scored));
        s.answer(0).unwrap();
    }
    assert!(s.is_finished());
    assert_eq!(s.outcome().band, Some("minimal"));

    s.back();
    s.answer(1).unwrap(); // item 9 = 1
    assert!(s.outcome().crisis_first, "crisis help can show before the flow ends");
    assert_eq!(s.current_item(Lang::Es).map(|i| i.key), Some("difficulty"));
    assert_eq!(s.progress(), Progress { number: 10, total: 10 });
    s.skip().unwrap();
    assert!(s.is_finished());
    let o = s.outcome();
    assert_eq!((o.band, o.level, o.next), (None, Level::Concern, Next::OfferAsq));
}

#[test]
fn progress_counts_questions() {
    let mut s = Session::new(InstrumentId::Gad2);
    assert_eq!(s.progress(), Progress { number: 1, total: 2 });
    s.answer(3).unwrap();
    assert_eq!(s.progress(), Progress { number: 2, total: 2 });
    s.answer(0).unwrap();
    assert!(s.is_finished());
    assert!(s.answer(0).is_err(), "no question left to answer");
    assert_eq!(s.outcome().next, Next::OfferGad7);
}

#[test]
fn sessions_are_independent_values() {
    let mut a = Session::new(InstrumentId::Asq);
    let b = a.clone();
    a.answer(1).unwrap();
    assert_eq!(b.answers().len(), 0);
    assert_ne!(a, b);
}

#[test]
fn the_engine_keeps_no_state_of_its_own() {
    // Answers live only in the caller's `Session` / slice: no globals, no storage in the engine's source.
    let sources = [
        include_str!("../src/checks/mod.rs"),
        include_str!("../src/checks/instrument.rs"),
        include_str!("../src/checks/score.rs"),
        include_str!("../src/checks/session.rs"),
    ];
    for src in sources {
        for banned in ["static mut", "thread_local!", "OnceLock", "Mutex", "RefCell", "localStorage", "std::fs"] {
            assert!(!src.contains(banned), "checks engine uses {banned}");
        }
    }
}
