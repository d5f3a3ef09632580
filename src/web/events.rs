//! The events the element tells its host page about. They carry what was found and what the person
//! did, never what they typed and never their number.

use super::js_object::Obj;
use crate::screen::Screening;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// A help link the person used: which line, and how.
pub struct ResourceDetail {
    pub resource: String,
    pub kind: String,
    pub country: String,
}

fn dispatch(host: &HtmlElement, name: &str, detail: Obj) {
    let detail: JsValue = detail.into_js();
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// `before-you-rely:screen`, after every check: `{level, categories, held}`.
pub fn screen(host: &HtmlElement, screening: &Screening, held: bool) {
    let detail = Obj::new();
    detail.str("level", screening.level.as_str()).strs("categories", screening.categories.iter().map(|c| c.as_str()));
    detail.bool("held", held);
    dispatch(host, "before-you-rely:screen", detail);
}

/// `before-you-rely:resource`, when a help link is used: `{resource, kind, country}`.
pub fn resource(host: &HtmlElement, detail: &ResourceDetail) {
    let o = Obj::new();
    o.str("resource", &detail.resource).str("kind", &detail.kind).str("country", &detail.country);
    dispatch(host, "before-you-rely:resource", o);
}
