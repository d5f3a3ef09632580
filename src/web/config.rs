//! Host configuration: JSON in a `<script type="application/json">` child of the element, or the
//! element's `config` property. Every field is optional and checked; a bad field is reported on the
//! console and ignored, so a config mistake never blanks the panel.

use crate::directory::{HostLine, HostMode};
use crate::{links, strings, Level};
use wasm_bindgen::{JsCast, JsValue};

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

const KNOWN_KEYS: [&str; 7] = ["sections", "holdAt", "exitUrl", "directoryLink", "resources", "replaceResources", "strings"];
const LINE_KEYS: [&str; 11] =
    ["name", "phone", "phone_option", "sms", "sms_keyword", "chat_url", "url", "topics", "hours", "languages", "country"];

/// Reads plain JS values by hand (no serde deserializer in the wasm: it is large and its error
/// messages would pull in float formatting). Every misfit becomes a console problem, not a failure.
struct Reader<'a> {
    problems: &'a mut Vec<String>,
}

impl Reader<'_> {
    fn get(&self, obj: &JsValue, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(obj, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn string(&mut self, obj: &JsValue, key: &str, path: &str) -> Option<String> {
        let v = self.get(obj, key)?;
        let s = v.as_string();
        if s.is_none() {
            self.problems.push(format!("{path}{key} must be a string"));
        }
        s
    }

    fn bool(&mut self, obj: &JsValue, key: &str, path: &str) -> Option<bool> {
        let v = self.get(obj, key)?;
        let b = v.as_bool();
        if b.is_none() {
            self.problems.push(format!("{path}{key} must be true or false"));
        }
        b
    }

    fn object(&mut self, obj: &JsValue, key: &str) -> Option<JsValue> {
        let v = self.get(obj, key)?;
        if is_plain_object(&v) {
            Some(v)
        } else {
            self.problems.push(format!("{key} must be an object"));
            None
        }
    }

    fn strings(&mut self, obj: &JsValue, key: &str, path: &str) -> Vec<String> {
        let Some(v) = self.get(obj, key) else { return Vec::new() };
        if !js_sys::Array::is_array(&v) {
            self.problems.push(format!("{path}{key} must be a list of strings"));
            return Vec::new();
        }
        let list: js_sys::Array = v.unchecked_into();
        list.iter().filter_map(|item| item.as_string()).collect()
    }

    fn keys(&mut self, obj: &JsValue, known: &[&str], path: &str) -> Vec<String> {
        let keys: Vec<String> = js_sys::Object::keys(obj.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()).collect();
        for key in &keys {
            if !known.is_empty() && !known.contains(&key.as_str()) {
                self.problems.push(format!("unknown config key `{path}{key}` ignored"));
            }
        }
        keys
    }

    fn line(&mut self, obj: &JsValue, i: usize) -> Option<HostLine> {
        let path = format!("resources[{i}].");
        if !is_plain_object(obj) {
            self.problems.push(format!("resources[{i}] must be an object"));
            return None;
        }
        self.keys(obj, &LINE_KEYS, &path);
        Some(HostLine {
            name: self.string(obj, "name", &path).unwrap_or_default(),
            phone: self.string(obj, "phone", &path),
            phone_option: self.string(obj, "phone_option", &path),
            sms: self.string(obj, "sms", &path),
            sms_keyword: self.string(obj, "sms_keyword", &path),
            chat_url: self.string(obj, "chat_url", &path),
            url: self.string(obj, "url", &path),
            topics: self.strings(obj, "topics", &path),
            hours: self.string(obj, "hours", &path),
            languages: self.strings(obj, "languages", &path),
            country: self.string(obj, "country", &path),
            ..HostLine::default()
        })
    }
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !js_sys::Array::is_array(v)
}

/// Reads a config object. Returns the config and the problems found (for the console).
pub fn read(value: &JsValue) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    if value.is_undefined() || value.is_null() {
        return (config, problems);
    }
    if !is_plain_object(value) {
        problems.push("config must be a JSON object".to_string());
        return (config, problems);
    }
    let mut r = Reader { problems: &mut problems };
    r.keys(value, &KNOWN_KEYS, "");
    if let Some(sections) = r.object(value, "sections") {
        for name in r.keys(&sections, &[], "sections.") {
            match (SECTIONS.iter().find(|s| **s == name), r.bool(&sections, &name, "sections.")) {
                (Some(s), Some(false)) => config.hidden.push(s),
                (Some(_), _) => {}
                (None, _) => r.problems.push(format!("unknown section `{name}` (known: {})", SECTIONS.join(", "))),
            }
        }
    }
    if let Some(level) = r.string(value, "holdAt", "") {
        match Level::parse(&level).filter(|l| *l >= Level::Concern) {
            Some(level) => config.hold_at = level,
            None => r.problems.push(format!("holdAt `{level}` must be concern, urgent or emergency")),
        }
    }
    if let Some(url) = r.string(value, "exitUrl", "") {
        match links::safe_href(&url).filter(|u| u.starts_with("https:")) {
            Some(url) => config.exit_url = url.to_string(),
            None => r.problems.push("exitUrl must be an https: URL".to_string()),
        }
    }
    if let Some(link) = r.object(value, "directoryLink") {
        let label = r.string(&link, "label", "directoryLink.").unwrap_or_default();
        let url = r.string(&link, "url", "directoryLink.").unwrap_or_default();
        let label = label.trim();
        match links::safe_href(&url).filter(|u| u.starts_with("https:")) {
            Some(url) if !label.is_empty() && label.chars().count() <= 200 => {
                config.directory_link = Some((label.to_string(), url.to_string()))
            }
            _ => r.problems.push("directoryLink needs a label (≤ 200 characters) and an https: url".to_string()),
        }
    }
    if let Some(list) = r.get(value, "resources") {
        if js_sys::Array::is_array(&list) {
            let list: js_sys::Array = list.unchecked_into();
            config.lines = list.iter().enumerate().filter_map(|(i, item)| r.line(&item, i)).collect();
            // The help section checks host lines as it shows them; report the ones it will leave out once, here.
            let (_, rejected) = crate::directory::with_host_lines(Vec::new(), "", config.lines.clone(), HostMode::Merge);
            r.problems.extend(rejected);
        } else {
            r.problems.push("resources must be a list".to_string());
        }
    }
    if r.bool(value, "replaceResources", "") == Some(true) {
        config.lines_mode = HostMode::Replace;
    }
    if let Some(table) = r.object(value, "strings") {
        for key in r.keys(&table, &[], "strings.") {
            let known = strings::keys().any(|k| k == key);
            match r.string(&table, &key, "strings.") {
                Some(text) if known && !text.trim().is_empty() && text.chars().count() <= MAX_STRING => config.strings.push((key, text)),
                Some(_) if known => r.problems.push(format!("strings.{key} must be 1–{MAX_STRING} characters")),
                _ if !known => r.problems.push(format!("strings.{key}: unknown key")),
                _ => {}
            }
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

