//! Host configuration: JSON in a `<script type="application/json">` child of the element, or the
//! element's `config` property. Every field is optional and checked; a bad field is reported on the
//! console and ignored, so a config mistake never blanks the panel.

use crate::directory::{HostLine, HostMode};
use crate::{links, strings, Level};
use serde::Deserialize;
use wasm_bindgen::JsValue;

/// The sections a host can switch off (the help section cannot be switched off).
pub const SECTIONS: [&str; 5] = ["checkin", "checks", "prompts", "ai", "human"];

#[derive(Debug)]
pub struct Config {
    /// Sections switched off by the host.
    pub hidden: Vec<&'static str>,
    /// Guard mode holds a message at or above this level.
    pub hold_at: Level,
    /// Where "Leave quickly" goes.
    pub exit_url: String,
    /// The host's own "find a therapist" directory.
    pub directory_link: Option<(String, String)>,
    pub lines: Vec<HostLine>,
    pub lines_mode: HostMode,
    pub strings: Vec<(String, String)>,
}

/// A neutral page to leave to; hosts can choose their own.
pub const DEFAULT_EXIT_URL: &str = "https://www.google.com/search?q=weather";
const MAX_STRING: usize = 2000;

impl Default for Config {
    fn default() -> Self {
        Config {
            hidden: Vec::new(),
            hold_at: Level::Urgent,
            exit_url: DEFAULT_EXIT_URL.to_string(),
            directory_link: None,
            lines: Vec::new(),
            lines_mode: HostMode::Merge,
            strings: Vec::new(),
        }
    }
}

/// The JSON as written by the host, before checking.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Raw {
    sections: Option<serde_json_free::Map>,
    hold_at: Option<String>,
    exit_url: Option<String>,
    directory_link: Option<RawLink>,
    resources: Option<Vec<HostLine>>,
    replace_resources: Option<bool>,
    strings: Option<serde_json_free::Map>,
}

#[derive(Deserialize)]
struct RawLink {
    label: String,
    url: String,
}

/// A string→value map read without serde_json (which the wasm does not carry).
mod serde_json_free {
    pub type Map = std::collections::BTreeMap<String, Value>;

    #[derive(serde::Deserialize, Debug)]
    #[serde(untagged)]
    pub enum Value {
        Bool(bool),
        Text(String),
        Other(serde::de::IgnoredAny),
    }
}
use serde_json_free::Value;

const KNOWN_KEYS: [&str; 7] = ["sections", "holdAt", "exitUrl", "directoryLink", "resources", "replaceResources", "strings"];

/// Reads a config object. Returns the config and the problems found (for the console).
pub fn read(value: &JsValue) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    if value.is_undefined() || value.is_null() {
        return (config, problems);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        problems.push("config must be a JSON object".to_string());
        return (config, problems);
    }
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()) {
        if !KNOWN_KEYS.contains(&key.as_str()) {
            problems.push(format!("unknown config key `{key}` ignored"));
        }
    }
    let raw: Raw = match serde_wasm_bindgen::from_value(value.clone()) {
        Ok(raw) => raw,
        Err(e) => {
            problems.push(format!("config ignored: {e}"));
            return (config, problems);
        }
    };
    for (name, on) in raw.sections.unwrap_or_default() {
        match (SECTIONS.iter().find(|s| **s == name), on) {
            (Some(s), Value::Bool(false)) => config.hidden.push(s),
            (Some(_), Value::Bool(true)) => {}
            (Some(_), _) => problems.push(format!("sections.{name} must be true or false")),
            (None, _) => problems.push(format!("unknown section `{name}` (known: {})", SECTIONS.join(", "))),
        }
    }
    if let Some(level) = raw.hold_at {
        match Level::parse(&level).filter(|l| *l >= Level::Concern) {
            Some(level) => config.hold_at = level,
            None => problems.push(format!("holdAt `{level}` must be concern, urgent or emergency")),
        }
    }
    if let Some(url) = raw.exit_url {
        match links::safe_href(&url).filter(|u| u.starts_with("https:")) {
            Some(url) => config.exit_url = url.to_string(),
            None => problems.push("exitUrl must be an https: URL".to_string()),
        }
    }
    if let Some(link) = raw.directory_link {
        let label = link.label.trim();
        match links::safe_href(&link.url).filter(|u| u.starts_with("https:")) {
            Some(url) if !label.is_empty() && label.len() <= 200 => config.directory_link = Some((label.to_string(), url.to_string())),
            _ => problems.push("directoryLink needs a label (≤ 200 characters) and an https: url".to_string()),
        }
    }
    config.lines = raw.resources.unwrap_or_default();
    if raw.replace_resources == Some(true) {
        config.lines_mode = HostMode::Replace;
    }
    for (key, value) in raw.strings.unwrap_or_default() {
        match value {
            Value::Text(text) if strings::keys().any(|k| k == key) && !text.trim().is_empty() && text.len() <= MAX_STRING => {
                config.strings.push((key, text));
            }
            Value::Text(_) if strings::keys().any(|k| k == key) => problems.push(format!("strings.{key} must be 1–{MAX_STRING} characters")),
            _ => problems.push(format!("strings.{key}: unknown key or not a string")),
        }
    }
    (config, problems)
}

/// The `hold-at` attribute wins over the config's `holdAt`.
pub fn hold_at_attribute(host: &web_sys::HtmlElement, config: &mut Config) -> Option<String> {
    let value = host.get_attribute("hold-at")?;
    match Level::parse(&value).filter(|l| *l >= Level::Concern) {
        Some(level) => {
            config.hold_at = level;
            None
        }
        None => Some(format!("hold-at=\"{value}\" must be concern, urgent or emergency")),
    }
}

/// Reads the JSON inside the element's `<script type="application/json">` child, if there is one.
pub fn from_script_child(host: &web_sys::HtmlElement) -> (JsValue, Vec<String>) {
    let Ok(Some(script)) = host.query_selector(":scope > script[type='application/json']") else {
        return (JsValue::UNDEFINED, Vec::new());
    };
    let json = script.text_content().unwrap_or_default();
    match js_sys::JSON::parse(&json) {
        Ok(value) => (value, Vec::new()),
        Err(_) => (JsValue::UNDEFINED, vec!["the config <script type=\"application/json\"> is not valid JSON; using defaults".to_string()]),
    }
}

use wasm_bindgen::JsCast as _;
