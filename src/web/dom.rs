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
#[inline(always)]
pub fn el(tag: &str) -> Result<El> {
    Ok(El(create(tag)))
}

/// Out of line so each `el(..)?` is one call and one branch.
#[inline(never)]
fn create(tag: &str) -> Element {
    use wasm_bindgen::UnwrapThrowExt;
    document().unwrap_throw().create_element(tag).unwrap_throw()
}

// The builder methods below cannot fail for the static names and fresh elements the views use, so
// they are infallible out-of-line calls wrapped in inline `Ok`s: the compiler then drops the error
// branch (and its cleanup) at every call site.
#[inline(never)]
fn set_class(e: &Element, name: &str) {
    e.set_class_name(name);
}
#[inline(never)]
fn set_attr(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}
#[inline(never)]
fn set_id(e: &Element, id: &str) {
    e.set_id(id);
}
#[inline(never)]
fn set_text(e: &Element, text: &str) {
    e.set_text_content(Some(text));
}
#[inline(never)]
fn append(e: &Element, child: El) {
    let _ = e.append_child(&child.0);
}

impl El {
    #[inline(always)]
    pub fn class(self, name: &str) -> Result<El> {
        set_class(&self.0, name);
        Ok(self)
    }

    #[inline(always)]
    pub fn attr(self, name: &str, value: &str) -> Result<El> {
        set_attr(&self.0, name, value);
        Ok(self)
    }

    #[inline(always)]
    pub fn id(self, id: &str) -> Result<El> {
        set_id(&self.0, id);
        Ok(self)
    }

    /// Sets the text; the browser escapes it.
    #[inline(always)]
    pub fn text(self, text: &str) -> Result<El> {
        set_text(&self.0, text);
        Ok(self)
    }

    #[inline(always)]
    pub fn child(self, child: El) -> Result<El> {
        append(&self.0, child);
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

/// `<tag class="…">text</tag>` in one out-of-line call (the commonest shape in the views); an empty
/// `class` sets none.
#[inline(always)]
pub fn text_el(tag: &str, class: &str, text: &str) -> Result<El> {
    Ok(make_text_el(tag, class, text))
}

#[inline(never)]
fn make_text_el(tag: &str, class: &str, text: &str) -> El {
    let e = El(create(tag));
    if !class.is_empty() {
        set_class(&e.0, class);
    }
    set_text(&e.0, text);
    e
}

/// A `<button type="button">` with text.
#[inline(always)]
pub fn button(text: &str) -> Result<El> {
    Ok(make_button(text))
}

#[inline(never)]
fn make_button(text: &str) -> El {
    let b = El(create("button"));
    set_attr(&b.0, "type", "button");
    set_text(&b.0, text);
    b
}
