//! Compiles `data/helplines/<CC>.toml` (one file a country) into the directory's tables.
//! Every entry is checked here, so a wrong-looking number, an `http:` link, a missing source or a
//! stale `last_verified` date fails the build instead of reaching someone in crisis:
//! - older than 12 months: `cargo:warning`; older than 18 months: the build fails;
//! - dial strings, https links, known topic/audience/service codes (`src/directory/rules.rs`);
//! - no duplicate lines; every country has an emergency number and a crisis line, or says why not.

#[allow(dead_code)]
#[path = "../src/directory/rules.rs"]
mod rules;

use crate::codegen::{data_files, fail, lit, opt_lit, read_path, slice_lit, texts_lit, warn, write_out};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

const WARN_MONTHS: i32 = 12;
const FAIL_MONTHS: i32 = 18;
const MAX_NAME: usize = 120;
const MAX_HOURS: usize = 80;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryFile {
    code: String,
    name_en: String,
    name_es: String,
    time_zones: Vec<String>,
    /// Why a shipped country has no crisis line (its emergency number still helps).
    no_crisis_line: Option<String>,
    emergency: EmergencyFile,
    #[serde(default)]
    lines: Vec<LineFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EmergencyFile {
    number: String,
    service: Option<String>,
    #[serde(default)]
    also: Vec<AltFile>,
    source: String,
    last_verified: String,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AltFile {
    number: String,
    service: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineFile {
    name: String,
    phone: Option<String>,
    phone_option: Option<String>,
    sms: Option<String>,
    sms_keyword: Option<String>,
    whatsapp: Option<String>,
    chat_url: Option<String>,
    url: Option<String>,
    topics: Vec<String>,
    audience: Option<String>,
    hours: Option<String>,
    languages: Vec<String>,
    status: String,
    source: String,
    last_verified: String,
    /// For maintainers only; not compiled in.
    #[allow(dead_code)]
    note: Option<String>,
    /// How a Spanish speaker reaches the same line (e.g. 988: press 2, text AYUDA).
    es: Option<VariantFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantFile {
    phone_option: Option<String>,
    sms_keyword: Option<String>,
    chat_url: Option<String>,
    source: String,
}

/// Today as (y, m, d): `SOURCE_DATE_EPOCH` for reproducible builds, else the clock.
fn build_date() -> (i32, u32, u32) {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let secs = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
    });
    rules::civil_from_days(secs.div_euclid(86_400))
}

struct Checker<'a> {
    file: &'a str,
    today: (i32, u32, u32),
    /// Entries past the warning age, and the oldest date among them (one warning a file).
    stale: std::cell::Cell<(usize, i32)>,
}

impl Checker<'_> {
    fn fail(&self, what: &str, msg: impl std::fmt::Display) -> ! {
        fail(self.file, format!("{what}: {msg}"))
    }

    fn dial(&self, what: &str, field: &str, s: &str) {
        if !rules::is_dial_string(s) {
            self.fail(what, format!("`{field}` = {s:?} is not a dial string (digits, single spaces or hyphens, optional leading + or *; menu choices go in `phone_option`)"));
        }
    }

    fn url(&self, what: &str, field: &str, s: &str) {
        if !rules::is_https_url(s) {
            self.fail(what, format!("`{field}` = {s:?} must be an https: link"));
        }
    }

    fn text(&self, what: &str, field: &str, s: &str, max: usize) {
        if s.trim().is_empty() || s.trim() != s || s.chars().count() > max || s.chars().any(char::is_control) {
            self.fail(what, format!("`{field}` must be 1–{max} characters, trimmed, no control characters"));
        }
    }

    fn source_and_date(&self, what: &str, source: &str, date: &str) {
        self.text(what, "source", source, 400);
        let Some(d) = rules::parse_iso_date(date) else {
            self.fail(what, format!("`last_verified` = {date:?} must be an ISO date (YYYY-MM-DD)"))
        };
        let age = rules::months_between(d, self.today);
        let future = rules::days_from_civil(d.0, d.1, d.2) - rules::days_from_civil(self.today.0, self.today.1, self.today.2);
        if future > 1 {
            self.fail(what, format!("`last_verified` = {date} is in the future"));
        }
        if age >= FAIL_MONTHS {
            self.fail(what, format!("last verified {date}, {age} months ago (limit {FAIL_MONTHS}): re-check it on the operator's site"));
        }
        if age >= WARN_MONTHS {
            let (n, oldest) = self.stale.get();
            self.stale.set((n + 1, oldest.max(age)));
        }
    }

    fn code(&self, what: &str, field: &str, s: &str, allowed: &[&str]) {
        if !allowed.contains(&s) {
            self.fail(what, format!("`{field}` = {s:?} is not one of {allowed:?}"));
        }
    }

    fn line(&self, l: &LineFile) {
        let what = &format!("line {:?}", l.name);
        self.text(what, "name", &l.name, MAX_NAME);
        if let Some(p) = &l.phone {
            self.dial(what, "phone", p);
        }
        if let Some(o) = &l.phone_option {
            if l.phone.is_none() || !rules::is_menu_option(o) {
                self.fail(what, "`phone_option` needs a `phone` and must be one or two digits");
            }
        }
        if let Some(s) = &l.sms {
            self.dial(what, "sms", s);
        }
        if let Some(k) = &l.sms_keyword {
            if l.sms.is_none() || !rules::is_sms_keyword(k) {
                self.fail(what, "`sms_keyword` needs an `sms` number and must be letters/digits");
            }
        }
        if let Some(w) = &l.whatsapp {
            self.dial(what, "whatsapp", w);
        }
        for (field, u) in [("chat_url", &l.chat_url), ("url", &l.url)] {
            if let Some(u) = u {
                self.url(what, field, u);
            }
        }
        if l.phone.is_none() && l.sms.is_none() && l.whatsapp.is_none() && l.chat_url.is_none() && l.url.is_none() {
            self.fail(what, "needs at least one way to reach it (phone, sms, whatsapp, chat_url or url)");
        }
        if l.topics.is_empty() {
            self.fail(what, "`topics` is empty");
        }
        for t in &l.topics {
            self.code(what, "topics", t, rules::TOPICS);
        }
        if let Some(a) = &l.audience {
            self.code(what, "audience", a, rules::AUDIENCES);
        }
        if let Some(h) = &l.hours {
            self.text(what, "hours", h, MAX_HOURS);
        }
        for lang in &l.languages {
            if !rules::is_language_code(lang) {
                self.fail(what, format!("`languages` has {lang:?}, not an ISO 639 code"));
            }
        }
        match l.status.as_str() {
            "confirmed" | "secondary" => {}
            "conflict" => self.fail(what, "`conflict` entries do not ship: comment the entry out and say why"),
            other => self.fail(what, format!("`status` = {other:?} must be \"confirmed\" or \"secondary\"")),
        }
        self.source_and_date(what, &l.source, &l.last_verified);
        if let Some(v) = &l.es {
            if let Some(o) = &v.phone_option {
                if !rules::is_menu_option(o) {
                    self.fail(what, "`es.phone_option` must be one or two digits");
                }
            }
            if let Some(k) = &v.sms_keyword {
                if l.sms.is_none() || !rules::is_sms_keyword(k) {
                    self.fail(what, "`es.sms_keyword` needs an `sms` number and must be letters/digits");
                }
            }
            if let Some(u) = &v.chat_url {
                self.url(what, "es.chat_url", u);
            }
            self.text(what, "es.source", &v.source, 400);
        }
    }

    fn country(&self, c: &CountryFile, stem: &str) {
        let what = "country";
        if c.code != stem || c.code.len() != 2 || !c.code.bytes().all(|b| b.is_ascii_uppercase()) {
            self.fail(what, format!("`code` = {:?} must be the ISO 3166 code the file is named after", c.code));
        }
        self.text(what, "name_en", &c.name_en, 60);
        self.text(what, "name_es", &c.name_es, 60);
        if c.time_zones.is_empty() {
            self.fail(what, "`time_zones` is empty");
        }
        let e = &c.emergency;
        self.dial("emergency", "number", &e.number);
        if let Some(s) = &e.service {
            self.code("emergency", "service", s, rules::SERVICES);
        }
        for a in &e.also {
            self.dial("emergency", "also.number", &a.number);
            if let Some(s) = &a.service {
                self.code("emergency", "also.service", s, rules::SERVICES);
            }
        }
        self.source_and_date("emergency", &e.source, &e.last_verified);

        let mut names = BTreeSet::new();
        let mut contacts = BTreeSet::new();
        for l in &c.lines {
            self.line(l);
            if !names.insert(l.name.to_lowercase()) {
                self.fail("lines", format!("duplicate line name {:?}", l.name));
            }
            let keys = [
                l.phone.as_ref().map(|p| format!("phone {} option {:?}", rules::dial_digits(p), l.phone_option)),
                l.sms.as_ref().map(|s| format!("sms {} keyword {:?}", rules::dial_digits(s), l.sms_keyword)),
                l.whatsapp.as_ref().map(|w| format!("whatsapp {}", rules::dial_digits(w))),
            ];
            for key in keys.into_iter().flatten() {
                if !contacts.insert(key.clone()) {
                    self.fail("lines", format!("duplicate contact ({key}) in line {:?}", l.name));
                }
            }
        }
        let has_crisis = c.lines.iter().any(|l| l.audience.is_none() && l.topics.iter().any(|t| rules::CRISIS_TOPICS.contains(&t.as_str())));
        match (&c.no_crisis_line, has_crisis) {
            (None, false) => self.fail(what, "no crisis line (a line for everyone with a suicide/crisis/mental-health/emotional-support topic); add one from the research or set `no_crisis_line` to say why"),
            (Some(_), true) => self.fail(what, "`no_crisis_line` is set but the country has a crisis line; remove it"),
            (Some(why), false) => self.text(what, "no_crisis_line", why, 400),
            (None, true) => {}
        }
    }
}

/// A sort key that puts "Österreich" with the O's: lowercase, Latin accents folded.
fn collation_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// The line strings, each once, for one `crate::strings::Texts` table (`LINE_TEXT`); a stored
/// line holds two-byte indexes into it instead of pointers and lengths.
#[derive(Default)]
struct LineText {
    strings: Vec<String>,
    index: BTreeMap<String, u16>,
}

impl LineText {
    /// The index of `s`, adding it the first time.
    fn add(&mut self, s: &str) -> u16 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = u16::try_from(self.strings.len()).ok().filter(|&i| i < NO_TEXT).unwrap_or_else(|| fail("data/helplines", "too many distinct line strings for u16 indexes"));
        self.strings.push(s.to_string());
        self.index.insert(s.to_string(), i);
        i
    }

    /// An optional string: its index, or `NO_TEXT`.
    fn opt(&mut self, s: Option<&str>) -> u16 {
        s.map_or(NO_TEXT, |s| self.add(s))
    }
}

/// Stands for `None` in a stored line (must match `src/directory/mod.rs`).
const NO_TEXT: u16 = u16::MAX;

fn line_source(l: &LineFile, text: &mut LineText) -> String {
    let status = if l.status == "confirmed" { "Status::Confirmed" } else { "Status::Secondary" };
    let es = match &l.es {
        None => "None".to_string(),
        Some(v) => format!(
            "Some(&LangVariant {{ phone_option: {}, sms_keyword: {}, chat_url: {}, source: {} }})",
            opt_lit(v.phone_option.as_deref()),
            opt_lit(v.sms_keyword.as_deref()),
            opt_lit(v.chat_url.as_deref()),
            lit(&format!("{}; {}", l.source, v.source)),
        ),
    };
    let dial = |s: Option<&String>| s.map(|s| rules::dial_digits(s));
    format!(
        "StoredLine {{ name: {}, phone: {}, phone_option: {}, phone_dial: {}, sms: {}, sms_keyword: {}, sms_dial: {}, whatsapp: {}, chat_url: {}, url: {}, topics: {}, audience: {}, hours: {}, languages: {}, status: {status}, last_verified: {}, source: {}, es: {es} }}",
        text.add(&l.name),
        text.opt(l.phone.as_deref()),
        text.opt(l.phone_option.as_deref()),
        text.opt(dial(l.phone.as_ref()).as_deref()),
        text.opt(l.sms.as_deref()),
        text.opt(l.sms_keyword.as_deref()),
        text.opt(dial(l.sms.as_ref()).as_deref()),
        text.opt(l.whatsapp.as_deref()),
        text.opt(l.chat_url.as_deref()),
        text.opt(l.url.as_deref()),
        slice_lit(&l.topics),
        text.opt(l.audience.as_deref()),
        text.opt(l.hours.as_deref()),
        slice_lit(&l.languages),
        text.add(&l.last_verified),
        text.add(&l.source),
    )
}

pub fn generate() {
    let today = build_date();
    let mut countries = Vec::new();
    for path in data_files("helplines", "toml") {
        let file = path.display().to_string();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let parsed: CountryFile = toml::from_str(&read_path(&path)).unwrap_or_else(|e| fail(&file, e));
        let checker = Checker { file: &file, today, stale: Default::default() };
        checker.country(&parsed, &stem);
        let (stale, oldest) = checker.stale.get();
        if stale > 0 {
            warn(format!("{file}: {stale} entries last verified over {WARN_MONTHS} months ago (oldest {oldest} months); re-check them before {FAIL_MONTHS} months"));
        }
        countries.push(parsed);
    }
    if countries.is_empty() || countries.len() > usize::from(u8::MAX) {
        fail("data/helplines", "expected 1–255 country files (indices are stored as u8)");
    }
    countries.sort_by(|a, b| a.code.cmp(&b.code));

    let mut zones: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, c) in countries.iter().enumerate() {
        for z in &c.time_zones {
            if let Some(prev) = zones.insert(z, i) {
                fail("data/helplines", format!("time zone {z} is listed for both {} and {}", countries[prev].code, c.code));
            }
        }
    }

    let mut text = LineText::default();
    let mut src = String::from("// Generated by build/directory.rs from data/helplines/. Sorted by country code.\n");
    src.push_str("pub(crate) static COUNTRIES: &[Country] = &[\n");
    for c in &countries {
        let e = &c.emergency;
        let also: Vec<String> = e
            .also
            .iter()
            .map(|a| format!("EmergencyAlt {{ number: {}, dial: {}, service: {} }}", lit(&a.number), lit(&rules::dial_digits(&a.number)), opt_lit(a.service.as_deref())))
            .collect();
        let _ = writeln!(
            src,
            "    Country {{ code: {}, name_en: {}, name_es: {}, no_crisis_line: {},\n        emergency: Emergency {{ number: {}, dial: {}, service: {}, also: &[{}], source: {}, last_verified: {} }},\n        lines: &[",
            lit(&c.code),
            lit(&c.name_en),
            lit(&c.name_es),
            opt_lit(c.no_crisis_line.as_deref()),
            lit(&e.number),
            lit(&rules::dial_digits(&e.number)),
            opt_lit(e.service.as_deref()),
            also.join(", "),
            lit(&e.source),
            lit(&e.last_verified),
        );
        for l in &c.lines {
            let _ = writeln!(src, "            {},", line_source(l, &mut text));
        }
        src.push_str("        ] },\n");
    }
    src.push_str("];\n");
    let _ = writeln!(src, "pub(crate) static LINE_TEXT: crate::strings::Texts = {};", texts_lit(&text.strings));

    for (name, pick) in [("BY_NAME_EN", 0), ("BY_NAME_ES", 1)] {
        let mut order: Vec<usize> = (0..countries.len()).collect();
        order.sort_by_key(|&i| collation_key(if pick == 0 { &countries[i].name_en } else { &countries[i].name_es }));
        let _ = writeln!(src, "pub(crate) static {name}: &[u8] = &{order:?};");
    }
    src.push_str("/// IANA time zone → index into COUNTRIES, sorted by zone for binary search.\n");
    src.push_str("pub(crate) static TIME_ZONES: &[(&str, u8)] = &[\n");
    for (z, i) in &zones {
        let _ = writeln!(src, "    ({}, {i}),", lit(z));
    }
    src.push_str("];\n");
    write_out("directory.rs", &src);
}
