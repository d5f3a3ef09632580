//! Where the journal may live on the device, and how it leaves as a file.
//!
//! Storage is opt-in: nothing here writes unless the person switched on "Keep my journal on this
//! device". Everything sits under ONE versioned key, so "Forget everything" has one thing to remove.
//! Browsers may refuse storage (private mode, disabled, full): every call reports failure instead of
//! throwing.

use super::super::dom::{document, Result};
use crate::prompts::{parse_journal, serialize_journal, Entry, JournalError};
use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Storage, Url};

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

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
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

/// Downloads `text` as a Markdown file: a Blob, an object URL and a temporary `<a download>`. No
/// network is involved; the URL is revoked once the download has started.
pub fn download(text: &str) -> Result<()> {
    let options = BlobPropertyBag::new();
    options.set_type("text/markdown;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(text)), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = document()?.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(EXPORT_NAME);
    // Clicked while detached: a click inside the shadow root would re-enter the panel's own listener.
    a.click();
    Timeout::new(1_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
