//! Files the person chooses to take away (journal export, prep note), made on the device: a Blob, an
//! object URL and a temporary `<a download>`. No network is involved.

use super::dom::{document, Result};
use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long the object URL lives after the click (the download has started well before).
const REVOKE_MS: u32 = 10_000;

/// Downloads `text` as `filename` with the given MIME type.
pub fn save_text(text: &str, filename: &str, mime: &str) -> Result<()> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(text)), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = document()?.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    // Clicked while detached: a click inside the shadow root would re-enter the panel's own listener.
    a.click();
    Timeout::new(REVOKE_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
