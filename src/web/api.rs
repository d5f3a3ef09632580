//! The module's programmatic API: the same engines the panel uses, returning plain JS objects.

use crate::{screen, Lang};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Reads an optional string property of an options object.
pub(crate) fn option_str(options: &JsValue, key: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?.as_string()
}

/// `screen(text, {lang})` → `{level, categories, evidence}`; spans are UTF-16 offsets into `text`.
#[wasm_bindgen(js_name = screen)]
pub fn screen_js(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let lang = option_str(&options, "lang").and_then(|l| Lang::from_tag(&l));
    to_js(&screen::screen(text, lang))
}
