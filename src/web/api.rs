//! The module's programmatic API: the same engines the panel uses, returning plain JS objects.

use crate::{directory, prompts, screen, Category, Lang, Level};
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

/// Reads an optional list of strings from an options object.
fn option_list(options: &JsValue, key: &str) -> Vec<String> {
    if !options.is_object() {
        return Vec::new();
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .filter(|v| js_sys::Array::is_array(v))
        .map(|v| v.unchecked_into::<js_sys::Array>().iter().filter_map(|s| s.as_string()).collect())
        .unwrap_or_default()
}

/// `resources(country, {categories, level, lang, topic})` → the ordered help, as the panel shows it.
#[wasm_bindgen(js_name = resources)]
pub fn resources_js(country: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let categories: Vec<Category> = option_list(&options, "categories").iter().filter_map(|c| Category::parse(c)).collect();
    let level = option_str(&options, "level").and_then(|l| Level::parse(&l)).unwrap_or(Level::None);
    let lang = option_str(&options, "lang").and_then(|l| Lang::from_tag(&l));
    let topic = option_str(&options, "topic");
    let query = directory::Query { country, categories: &categories, level, lang, topic: topic.as_deref() };
    to_js(&directory::route(&query))
}

/// `prompts({lang, level, theme, count, seed, history, deep})` → journaling prompts for that state.
#[wasm_bindgen(js_name = prompts)]
pub fn prompts_js(options: JsValue) -> Result<JsValue, JsValue> {
    let state = prompts::PromptState {
        lang: option_str(&options, "lang").and_then(|l| Lang::from_tag(&l)).unwrap_or_default(),
        level: option_str(&options, "level").and_then(|l| Level::parse(&l)).unwrap_or(Level::None),
        theme: option_str(&options, "theme").filter(|t| !t.is_empty()),
        deep_chosen: js_sys::Reflect::get(&options, &JsValue::from_str("deep")).ok().and_then(|v| v.as_bool()).unwrap_or(false),
        ..Default::default()
    };
    let number = |key: &str| js_sys::Reflect::get(&options, &JsValue::from_str(key)).ok().and_then(|v| v.as_f64());
    let count = number("count").map_or(1, |n| n.clamp(1.0, 50.0) as usize);
    let seed = number("seed").map_or(0, |n| n.abs() as u64);
    let history = option_list(&options, "history");
    let history: Vec<&str> = history.iter().map(String::as_str).collect();
    to_js(&prompts::choose(&state, &history, seed, count))
}
