//! A tiny element builder over web-sys. Text only ever goes in through `textContent` and attributes;
//! nothing in the widget parses HTML, so host text and config can never become markup.

use crate::links;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

pub type Result<T> = std::result::Result<T, JsValue>;

/// An element under construction. Methods consume and return it so a tree reads top-down.
pub struct El(pub Element);

pub fn document() -> Result<Document> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))
}

/// A new element `tag` in the panel's document.
pub fn el(tag: &str) -> Result<El> {
    Ok(El(document()?.create_element(tag)?))
}

impl El {
    pub fn class(self, name: &str) -> Result<El> {
        self.0.set_class_name(name);
        Ok(self)
    }

    pub fn attr(self, name: &str, value: &str) -> Result<El> {
        self.0.set_attribute(name, value)?;
        Ok(self)
    }

    pub fn id(self, id: &str) -> Result<El> {
        self.0.set_id(id);
        Ok(self)
    }

    /// Sets the text; the browser escapes it.
    pub fn text(self, text: &str) -> Result<El> {
        self.0.set_text_content(Some(text));
        Ok(self)
    }

    pub fn child(self, child: El) -> Result<El> {
        self.0.append_child(&child.0)?;
        Ok(self)
    }
}

/// A link to `href` if its scheme is allowed (`https:`, `tel:`, `sms:`, `mailto:`), else plain text.
/// Outbound web links open in a new tab and send no referrer, so the host page is not revealed.
pub fn link(href: &str, text: &str) -> Result<El> {
    match links::safe_href(href) {
        Some(href) => {
            let a = el("a")?.attr("href", href)?.text(text)?;
            if href.starts_with("https:") || href.starts_with("HTTPS:") {
                a.attr("target", "_blank")?.attr("rel", "noopener noreferrer")?.attr("referrerpolicy", "no-referrer")
            } else {
                Ok(a)
            }
        }
        None => el("span")?.text(text),
    }
}

/// A `<button type="button">` with text.
pub fn button(text: &str) -> Result<El> {
    el("button")?.attr("type", "button")?.text(text)
}
