//! Self-check questionnaires (ASQ, PHQ-9/2, GAD-7/2), scored exactly as published.
//!
//! - [`instrument`]: the wording in each language and the scoring rules, compiled from `data/checks/`.
//! - [`score`]: answers → [`Outcome`] (score, band, level, next step), with the crisis-first rules.
//! - [`Session`]: the one-question-at-a-time flow (answer, skip, back, start over) as a value the
//!   caller owns. Nothing here stores answers.
//!
//! Levels (`crate::Level`): ASQ acute → emergency, ASQ positive → urgent; PHQ-9 item 9 above 0 → at
//! least concern with crisis help first (a risk signal whose immediacy is unknown until the ASQ asks);
//! moderate and above on the PHQ-9/GAD-7 and a positive PHQ-2/GAD-2 → support; otherwise none.

pub mod instrument;
pub mod score;
pub mod session;

pub use instrument::{instrument, rules, Band, Choice, Instrument, InstrumentId, Item, Next, Role, Rules, Scoring};
pub use score::{band_ui_key, score, validate, Answer, AnswerError, Outcome};
pub use session::{Progress, Session};
