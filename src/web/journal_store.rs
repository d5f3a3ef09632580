//! Where the journal may live on the device, and how it leaves as a file.
//!
//! Storage is opt-in: nothing here writes unless the person switched on "Keep my journal on this
//! device". Everything sits under ONE versioned key, so "Forget everything" has one thing to remove.
//! Browsers may refuse storage (private mode, disabled, full): every call reports failure instead of
//! throwing.

use super::super::dom::Result;
use crate::prompts::{parse_journal, serialize_journal, Entry, JournalError};

/// The only key the widget ever writes.
pub const KEY: &str = "before-you-rely:journal";

/// The file name an export downloads as.
pub const EXPORT_NAME: &str = "my-journal.md";

/// What was found under the key when the panel mounted.
pub enum Loaded {
    /// No saved journal (or storage cannot be read, which means the same to the person).
    Nothing,
    Entries(Vec<Entry>),
    /// Something is there but cannot be used as it is.
    Problem(JournalError),
}

fn storage() -> Option<web_sys::Storage> {
    super::super::storage::local()
}

/// Reads the saved journal. Never writes.
pub fn load() -> Loaded {
    let Some(text) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else { return Loaded::Nothing };
    match parse_journal(&text) {
        Ok(entries) => Loaded::Entries(entries),
        Err(problem) => Loaded::Problem(problem),
    }
}

/// Rewrites the saved journal. False when the browser refused.
pub fn save(entries: &[Entry]) -> bool {
    storage().is_some_and(|s| s.set_item(KEY, &serialize_journal(entries)).is_ok())
}

/// Removes the saved journal. False when the browser refused (nothing could have been saved then).
pub fn remove() -> bool {
    storage().is_some_and(|s| s.remove_item(KEY).is_ok())
}

/// Downloads the exported journal as a Markdown file.
pub fn download(text: &str) -> Result<()> {
    super::super::download::save_text(text, EXPORT_NAME, "text/markdown;charset=utf-8")
}
