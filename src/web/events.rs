//! The events the element tells its host page about. They carry what was found and what the person
//! did, never what they typed and never their number.

use crate::screen::Screening;
use serde::Serialize;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

#[derive(Serialize)]
struct ScreenDetail<'a> {
    level: &'a str,
    categories: Vec<&'a str>,
    held: bool,
}

/// A help link the person used: which line, and how.
#[derive(Serialize)]
pub struct ResourceDetail {
    pub resource: String,
    pub kind: String,
    pub country: String,
}

fn dispatch<T: Serialize>(host: &HtmlElement, name: &str, detail: &T) {
    let Ok(detail) = detail.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) else { return };
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
    let detail = ScreenDetail {
        level: screening.level.as_str(),
        categories: screening.categories.iter().map(|c| c.as_str()).collect(),
        held,
    };
    dispatch(host, "before-you-rely:screen", &detail);
}

/// `before-you-rely:resource`, when a help link is used: `{resource, kind, country}`.
pub fn resource(host: &HtmlElement, detail: &ResourceDetail) {
    dispatch(host, "before-you-rely:resource", detail);
}
