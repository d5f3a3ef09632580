//! The module's programmatic API: the same engines the panel uses, returning plain JS objects.

use super::js_object::{array, Obj};
use crate::directory::{Emergency, HostLine, Line, Resource};
use crate::prompts::Selection;
use crate::{directory, prompts, screen, Category, Lang, Level};
use wasm_bindgen::prelude::*;

/// Reads an optional string property of an options object.
pub(crate) fn option_str(options: &JsValue, key: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?.as_string()
}

/// `screen(text, {lang})` as JSON text: `{level, categories, evidence, distress}`. Not exported to
/// JavaScript (the element module uses `screenWords`); kept for tests/web.rs.
pub fn screen_json(text: &str, lang: Option<String>) -> String {
    screen::screen(text, lang.as_deref().and_then(Lang::from_tag)).to_json()
}

thread_local! {
    static WORDS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// One string of the result as `ptr, len`: always a `&'static str` (names and rule ids), so the
/// element module decodes each once and caches it by address.
fn put_str(out: &mut Vec<u32>, s: &'static str) {
    out.extend([s.as_ptr() as u32, s.len() as u32]);
}

/// `screen(text, {lang})` for the element module, without JSON: the result as u32 words in wasm
/// memory, valid until the next call; returns their address. Strings are `ptr, len`, lists `n` then
/// their items: level, categories (n × string), evidence (n × category, level, subject, rule, start,
/// end), distress (n × rule, start, end). Spans are UTF-16 offsets into `text`. Building the object
/// in JS from these costs less than JSON (built here, decoded and parsed there) or property-by-property
/// calls from wasm.
#[wasm_bindgen(js_name = screenWords)]
pub fn screen_words(text: &str, lang: Option<String>) -> *const u32 {
    let s = screen::screen(text, lang.as_deref().and_then(Lang::from_tag));
    WORDS.with_borrow_mut(|out| {
        out.clear();
        put_str(out, s.level.as_str());
        out.push(s.categories.len() as u32);
        for c in &s.categories {
            put_str(out, c.as_str());
        }
        out.push(s.evidence.len() as u32);
        for e in &s.evidence {
            put_str(out, e.category.as_str());
            put_str(out, e.level.as_str());
            put_str(out, if e.subject == screen::Subject::Me { "self" } else { "other" });
            put_str(out, e.rule);
            out.extend([e.start, e.end]);
        }
        out.push(s.distress.len() as u32);
        for c in &s.distress {
            put_str(out, c.rule);
            out.extend([c.start, c.end]);
        }
        out.as_ptr()
    })
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
    Ok(array(directory::route(&query).iter().map(resource_js)))
}

/// One item as `Resource` serializes natively: `{kind, ...fields}`.
fn resource_js(r: &Resource) -> JsValue {
    let o = Obj::new();
    match r {
        Resource::Emergency(e) => emergency_js(o.str("kind", "emergency"), e),
        Resource::EmergencyGuidance => _ = o.str("kind", "emergency_guidance"),
        Resource::Line(line) => line_js(o.str("kind", "line"), line),
        Resource::HostLine(line) => host_line_js(o.str("kind", "host_line"), line),
        Resource::FindAHelpline { url } => _ = o.str("kind", "find_a_helpline").str("url", url),
    }
    o.into_js()
}

fn emergency_js(o: &Obj, e: &Emergency) {
    let also = e.also.iter().map(|a| {
        let alt = Obj::new();
        alt.str("number", a.number).str("dial", a.dial).opt("service", a.service);
        alt.into_js()
    });
    o.str("number", e.number).str("dial", e.dial).opt("service", e.service).val("also", array(also));
    o.str("source", e.source).str("last_verified", e.last_verified);
}

fn line_js(o: &Obj, l: &Line) {
    o.str("name", l.name).opt("phone", l.phone).opt("phone_option", l.phone_option).opt("phone_dial", l.phone_dial);
    o.opt("sms", l.sms).opt("sms_keyword", l.sms_keyword).opt("sms_dial", l.sms_dial).opt("whatsapp", l.whatsapp);
    o.opt("chat_url", l.chat_url).opt("url", l.url).strs("topics", l.topics.iter().copied()).opt("audience", l.audience);
    o.opt("hours", l.hours).strs("languages", l.languages.iter().copied()).str("status", l.status.as_str());
    o.str("last_verified", l.last_verified).str("source", l.source);
}

fn host_line_js(o: &Obj, l: &HostLine) {
    o.str("name", &l.name).opt("phone", l.phone.as_deref()).opt("phone_option", l.phone_option.as_deref());
    o.opt("phone_dial", l.phone_dial.as_deref()).opt("sms", l.sms.as_deref()).opt("sms_keyword", l.sms_keyword.as_deref());
    o.opt("sms_dial", l.sms_dial.as_deref()).opt("chat_url", l.chat_url.as_deref()).opt("url", l.url.as_deref());
    o.strs("topics", l.topics.iter().map(String::as_str)).opt("hours", l.hours.as_deref());
    o.strs("languages", l.languages.iter().map(String::as_str)).opt("country", l.country.as_deref());
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
    Ok(selection_js(&prompts::choose(&state, &history, seed, count)))
}

/// As `Selection` serializes natively.
fn selection_js(s: &Selection) -> JsValue {
    let chosen = s.prompts.iter().map(|c| {
        let (p, prompt) = (c.prompt, Obj::new());
        prompt.str("id", p.id()).str("lang", p.lang.as_str()).str("exercise", p.exercise.as_str());
        prompt.strs("themes", p.themes()).str("intensity", p.intensity.as_str());
        prompt.num("minutes", p.minutes.into()).str("text", p.text());
        let o = Obj::new();
        o.val("prompt", prompt.into_js()).opt("source", c.source).opt("caution", c.caution);
        o.into_js()
    });
    let o = Obj::new();
    o.val("prompts", array(chosen)).str("distress", s.distress.as_str()).bool("show_help", s.show_help);
    o.bool("deep_withheld", s.deep_withheld).opt("theme", s.theme).bool("theme_fell_back", s.theme_fell_back);
    o.num("pool_size", s.pool_size as f64).bool("cycle_restarted", s.cycle_restarted);
    o.into_js()
}
