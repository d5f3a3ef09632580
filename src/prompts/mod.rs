//! Evidence-based journaling prompts, gentler when distress is high, plus the text the journal and
//! the consultation prep note are saved and downloaded as.
//!
//! - [`library`]: the prompts, compiled from `data/prompts/`.
//! - [`select`]: which prompts to offer for a person's state ([`choose`]).
//! - [`journal`]: the versioned on-device journal format and its Markdown export.
//! - [`prep_note`]: the consultation prep note.

pub mod journal;
pub mod library;
pub mod prep_note;
mod rng;
pub mod select;

pub use journal::{journal_markdown, parse_journal, serialize_journal, Entry, JournalError};
pub use library::{by_id, themes, Exercise, Intensity, Prompt};
pub use prep_note::{prep_note_text, PrepAnswers, CONSULTATION_QUESTIONS};
pub use select::{choose, suggest, Distress, PromptState, Selection, Suggestion};
