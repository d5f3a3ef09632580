//! Compiles `data/checks/` (see its README) into the instrument tables of `src/checks/instrument.rs`.
//! Structure and scoring live in `<id>.toml`, wording in `<id>.<lang>.toml`. Everything a scoring bug
//! could hide in is checked here: item counts, answer scores, bands covering the whole range with no gap
//! or overlap, a twin for every item in every language, short forms matching their long forms.

use crate::codegen::{data_files, fail, lit, opt_lit, read_path, write_out};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The instruments the engine knows (`InstrumentId` in src/checks/instrument.rs), and the Rust names.
const IDS: [(&str, &str); 5] = [("asq", "Asq"), ("phq9", "Phq9"), ("phq2", "Phq2"), ("gad7", "Gad7"), ("gad2", "Gad2")];
const LANGS: [(&str, &str); 2] = [("en", "En"), ("es", "Es")];
const LEVELS: [(&str, &str); 5] = [
    ("none", "None"),
    ("support", "Support"),
    ("concern", "Concern"),
    ("urgent", "Urgent"),
    ("emergency", "Emergency"),
];
/// Next-step keys (`Next` in src/checks/instrument.rs); each has a `checks.next_<key>` UI string.
const NEXTS: [(&str, &str); 8] = [
    ("self_care", "SelfCare"),
    ("monitor", "Monitor"),
    ("talk_to_professional", "TalkToProfessional"),
    ("offer_phq9", "OfferPhq9"),
    ("offer_gad7", "OfferGad7"),
    ("offer_asq", "OfferAsq"),
    ("crisis_now", "CrisisNow"),
    ("emergency_now", "EmergencyNow"),
];
/// The three results the NIMH rule produces, in the order the engine expects them.
const ASQ_BANDS: [&str; 3] = ["negative", "non_acute_positive", "acute_positive"];
/// The difficulty item's four answers are unscored; they keep the form's 0–3 order.
const DIFFICULTY_ANSWERS: usize = 4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Structure {
    name: String,
    scoring: String,
    short_form_of: Option<String>,
    items: Vec<String>,
    acuity_item: Option<String>,
    answer_scores: Vec<u8>,
    crisis_item: Option<String>,
    crisis_level: Option<String>,
    #[serde(default)]
    difficulty_item: bool,
    bands: Vec<BandDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BandDef {
    key: String,
    min: Option<u8>,
    max: Option<u8>,
    level: String,
    next: String,
    positive: bool,
}

/// A text taken verbatim from a source, or one we had to write, marked so.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum Text {
    Sourced(String),
    Unsourced { text: String, sourced: bool, note: String },
}

impl Text {
    fn text(&self) -> &str {
        match self {
            Text::Sourced(t) | Text::Unsourced { text: t, .. } => t,
        }
    }
    fn sourced(&self) -> bool {
        match self {
            Text::Sourced(_) => true,
            Text::Unsourced { sourced, .. } => *sourced,
        }
    }
    fn note(&self) -> Option<&str> {
        match self {
            Text::Sourced(_) => None,
            Text::Unsourced { note, .. } => Some(note),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wording {
    source: String,
    status: String,
    title: Text,
    stem: Option<String>,
    answers: Vec<String>,
    attribution: Text,
    attribution_url: Option<String>,
    items: BTreeMap<String, Text>,
    difficulty: Option<Difficulty>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Difficulty {
    text: String,
    answers: Vec<String>,
    #[serde(default = "sourced_by_default")]
    sourced: bool,
    note: Option<String>,
}

fn sourced_by_default() -> bool {
    true
}

fn rust_name<'a>(table: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn check_text(file: &str, what: &str, text: &str) {
    if text.trim().is_empty() || text.trim() != text {
        fail(file, format!("{what} is empty or has spaces around it"));
    }
}

fn check_unsourced_flag(file: &str, what: &str, text: &Text) {
    if let Text::Unsourced { sourced: true, .. } = text {
        fail(file, format!("{what}: a table form is only for `sourced = false` text"));
    }
    check_text(file, what, text.text());
    if let Some(note) = text.note() {
        check_text(file, &format!("{what} note"), note);
    }
}

/// Checks a structure file and returns its maximum total (0 for the ASQ, which has no total).
fn check_structure(file: &str, s: &Structure) -> u8 {
    let mut keys: Vec<&String> = s.items.iter().collect();
    keys.extend(s.acuity_item.iter());
    if s.items.is_empty() || keys.iter().collect::<BTreeSet<_>>().len() != keys.len() {
        fail(file, "`items` must be non-empty and the keys unique (acuity item included)");
    }
    if s.answer_scores.is_empty() || s.answer_scores.iter().collect::<BTreeSet<_>>().len() != s.answer_scores.len() {
        fail(file, "`answer_scores` must be non-empty and unique");
    }
    for b in &s.bands {
        if rust_name(&LEVELS, &b.level).is_none() {
            fail(file, format!("band `{}`: unknown level `{}`", b.key, b.level));
        }
        if rust_name(&NEXTS, &b.next).is_none() {
            fail(file, format!("band `{}`: unknown next step `{}`", b.key, b.next));
        }
    }
    match (&s.crisis_item, &s.crisis_level) {
        (Some(item), Some(level)) => {
            if !s.items.contains(item) {
                fail(file, format!("crisis_item `{item}` is not one of the items"));
            }
            if rust_name(&LEVELS, level).is_none() {
                fail(file, format!("unknown crisis_level `{level}`"));
            }
        }
        (None, None) => {}
        _ => fail(file, "crisis_item and crisis_level go together"),
    }
    match s.scoring.as_str() {
        "asq" => {
            let band_keys: Vec<&str> = s.bands.iter().map(|b| b.key.as_str()).collect();
            if band_keys != ASQ_BANDS {
                fail(file, format!("ASQ bands must be exactly {ASQ_BANDS:?}, in that order"));
            }
            if s.bands.iter().any(|b| b.min.is_some() || b.max.is_some()) {
                fail(file, "ASQ results have no score range");
            }
            if s.acuity_item.is_none() || s.answer_scores != [1, 0] {
                fail(file, "the ASQ needs an acuity_item and answer_scores = [1, 0] (Yes, No)");
            }
            if s.difficulty_item || s.short_form_of.is_some() {
                fail(file, "the ASQ has no difficulty item and is no short form");
            }
            0
        }
        "sum" => {
            if s.acuity_item.is_some() {
                fail(file, "only the ASQ has an acuity item");
            }
            let top = *s.answer_scores.iter().max().unwrap_or(&0);
            let max_total = u8::try_from(s.items.len() * usize::from(top))
                .unwrap_or_else(|_| fail(file, "the maximum total does not fit in a u8"));
            // Bands in order, starting at 0, each starting one above the last, ending at the maximum.
            let mut expected_min = 0u8;
            for b in &s.bands {
                let (Some(min), Some(max)) = (b.min, b.max) else {
                    fail(file, format!("band `{}` needs min and max", b.key))
                };
                if min != expected_min || max < min {
                    fail(
                        file,
                        format!(
                            "band `{}` ({min}–{max}) leaves a gap or overlaps: it should start at {expected_min}",
                            b.key
                        ),
                    );
                }
                expected_min = max.saturating_add(1);
            }
            if s.bands.last().and_then(|b| b.max) != Some(max_total) {
                fail(file, format!("the bands must end at the maximum total {max_total}"));
            }
            max_total
        }
        other => fail(file, format!("unknown scoring `{other}` (sum or asq)")),
    }
}

fn check_wording(file: &str, s: &Structure, w: &Wording) {
    check_text(file, "source", &w.source);
    if !matches!(w.status.as_str(), "confirmed" | "secondary") {
        fail(file, "status must be `confirmed` or `secondary` (clinical-es.md's labels)");
    }
    check_unsourced_flag(file, "title", &w.title);
    check_unsourced_flag(file, "attribution", &w.attribution);
    if let Some(stem) = &w.stem {
        check_text(file, "stem", stem);
    }
    if w.answers.len() != s.answer_scores.len() {
        fail(file, format!("{} answer labels for {} answer scores", w.answers.len(), s.answer_scores.len()));
    }
    for a in &w.answers {
        check_text(file, "an answer label", a);
    }
    let expected: BTreeSet<&String> = s.items.iter().chain(s.acuity_item.iter()).collect();
    let found: BTreeSet<&String> = w.items.keys().collect();
    if let Some(missing) = expected.difference(&found).next() {
        fail(file, format!("item `{missing}` has no wording"));
    }
    if let Some(extra) = found.difference(&expected).next() {
        fail(file, format!("item `{extra}` is not in the structure file"));
    }
    for (key, text) in &w.items {
        check_unsourced_flag(file, &format!("item `{key}`"), text);
    }
    match (&w.difficulty, s.difficulty_item) {
        (Some(d), true) => {
            check_text(file, "difficulty text", &d.text);
            if d.answers.len() != DIFFICULTY_ANSWERS {
                fail(file, format!("the difficulty item has {DIFFICULTY_ANSWERS} answers"));
            }
            if d.sourced == d.note.is_some() {
                fail(file, "an unsourced difficulty item needs a note, and only then");
            }
        }
        (None, false) => {}
        _ => fail(file, "a [difficulty] table goes with `difficulty_item = true` in the structure file"),
    }
}

/// A short form (PHQ-2, GAD-2) must be word for word the first items of its long form.
fn check_short_form(file: &str, s: &Structure, w: &Wording, long: &Structure, long_w: &Wording) {
    if long.items.len() < s.items.len() || long.items[..s.items.len()] != s.items[..] {
        fail(file, "a short form's items must be the first items of its long form");
    }
    if w.stem != long_w.stem || w.answers != long_w.answers || s.answer_scores != long.answer_scores {
        fail(file, "a short form's stem and answers must match its long form");
    }
    for key in &s.items {
        if w.items[key].text() != long_w.items[key].text() {
            fail(file, format!("item `{key}` differs from the long form"));
        }
    }
}

fn choices_lit(scores: &[u8], labels: &[String]) -> String {
    let mut out = String::from("&[");
    for (score, label) in scores.iter().zip(labels) {
        let _ = write!(out, "Choice {{ value: {score}, label: {} }}, ", lit(label));
    }
    out.push(']');
    out
}

fn item_lit(key: &str, text: &Text, role: &str, choices: &str) -> String {
    format!(
        "        Item {{ key: {}, text: {}, role: Role::{role}, choices: {choices}, sourced: {}, note: {} }},\n",
        lit(key),
        lit(text.text()),
        text.sourced(),
        opt_lit(text.note())
    )
}

fn rules_lit(upper: &str, s: &Structure, max_total: u8) -> String {
    let scoring = if s.scoring == "asq" { "Asq" } else { "Sum" };
    let crisis_item = match &s.crisis_item {
        Some(key) => format!("Some({})", s.items.iter().position(|k| k == key).unwrap_or(0)),
        None => "None".to_string(),
    };
    let crisis_level = rust_name(&LEVELS, s.crisis_level.as_deref().unwrap_or("none")).unwrap_or("None");
    let mut out = format!(
        "static {upper}_RULES: Rules = Rules {{\n    scoring: Scoring::{scoring},\n    max_score: {},\n    core_items: {},\n    crisis_item: {crisis_item},\n    crisis_level: Level::{crisis_level},\n    bands: &[\n",
        if s.scoring == "asq" { "None".to_string() } else { format!("Some({max_total})") },
        s.items.len(),
    );
    for b in &s.bands {
        let _ = writeln!(
            out,
            "        Band {{ key: {}, min: {}, max: {}, level: Level::{}, next: Next::{}, positive: {} }},",
            lit(&b.key),
            b.min.unwrap_or(0),
            b.max.unwrap_or(0),
            rust_name(&LEVELS, &b.level).unwrap_or("None"),
            rust_name(&NEXTS, &b.next).unwrap_or("SelfCare"),
            b.positive
        );
    }
    out.push_str("    ],\n};\n");
    out
}

fn instrument_lit(id: (&str, &str), lang: (&str, &str), s: &Structure, w: &Wording) -> String {
    let upper = id.0.to_uppercase();
    let mut items = String::new();
    let core_choices = choices_lit(&s.answer_scores, &w.answers);
    for key in &s.items {
        items.push_str(&item_lit(key, &w.items[key], "Scored", &core_choices));
    }
    if let Some(key) = &s.acuity_item {
        items.push_str(&item_lit(key, &w.items[key], "Acuity", &core_choices));
    }
    if let Some(d) = &w.difficulty {
        let text = match &d.note {
            Some(note) => Text::Unsourced { text: d.text.clone(), sourced: d.sourced, note: note.clone() },
            None => Text::Sourced(d.text.clone()),
        };
        items.push_str(&item_lit("difficulty", &text, "Difficulty", &choices_lit(&[0, 1, 2, 3], &d.answers)));
    }
    let mut notes: Vec<String> = Vec::new();
    for (what, text) in [("title", &w.title), ("attribution", &w.attribution)] {
        if let Some(note) = text.note() {
            notes.push(format!("{what}: {note}"));
        }
    }
    format!(
        "static {upper}_{}: Instrument = Instrument {{\n    id: InstrumentId::{},\n    lang: Lang::{},\n    name: {},\n    title: {},\n    title_sourced: {},\n    stem: {},\n    items: &[\n{items}    ],\n    attribution: {},\n    attribution_sourced: {},\n    attribution_url: {},\n    source: {},\n    status: {},\n    notes: {},\n    rules: &{upper}_RULES,\n}};\n",
        lang.1.to_uppercase(),
        id.1,
        lang.1,
        lit(&s.name),
        lit(w.title.text()),
        w.title.sourced(),
        opt_lit(w.stem.as_deref()),
        lit(w.attribution.text()),
        w.attribution.sourced(),
        opt_lit(w.attribution_url.as_deref()),
        lit(&w.source),
        lit(&w.status),
        crate::codegen::slice_lit(&notes),
    )
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> T {
    toml::from_str(text).unwrap_or_else(|e| fail(file, e))
}

pub fn generate() {
    // Read every file, keyed by its stem ("phq9", "phq9.en").
    let mut files: BTreeMap<String, (String, String)> = BTreeMap::new();
    for path in data_files("checks", "toml") {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        files.insert(stem, (path.display().to_string(), read_path(&path)));
    }
    let known: BTreeSet<String> = IDS
        .iter()
        .flat_map(|(id, _)| std::iter::once(id.to_string()).chain(LANGS.iter().map(move |(l, _)| format!("{id}.{l}"))))
        .collect();
    for stem in files.keys() {
        if !known.contains(stem) {
            fail(
                &format!("data/checks/{stem}.toml"),
                "not an instrument the engine knows (or a language it does not ship)",
            );
        }
    }
    let get = |stem: &str| -> &(String, String) {
        files.get(stem).unwrap_or_else(|| fail(&format!("data/checks/{stem}.toml"), "missing"))
    };

    let mut structures: BTreeMap<&str, (Structure, u8)> = BTreeMap::new();
    let mut wordings: BTreeMap<(&str, &str), Wording> = BTreeMap::new();
    for (id, _) in IDS {
        let (file, text) = get(id);
        let s: Structure = parse(file, text);
        let max_total = check_structure(file, &s);
        for (lang, _) in LANGS {
            let (wfile, wtext) = get(&format!("{id}.{lang}"));
            let w: Wording = parse(wfile, wtext);
            check_wording(wfile, &s, &w);
            wordings.insert((id, lang), w);
        }
        structures.insert(id, (s, max_total));
    }
    for (id, _) in IDS {
        let (s, _) = &structures[id];
        if let Some(long_id) = &s.short_form_of {
            let Some((long, _)) = structures.get(long_id.as_str()) else {
                fail(&get(id).0, format!("short_form_of `{long_id}` is not an instrument"))
            };
            for (lang, _) in LANGS {
                let file = &get(&format!("{id}.{lang}")).0;
                check_short_form(file, s, &wordings[&(id, lang)], long, &wordings[&(long_id.as_str(), lang)]);
            }
        }
    }

    let mut src = String::from("// Generated by build/checks.rs from data/checks/. Do not edit.\n\n");
    let mut table = String::from(
        "/// The instrument in a language; every pair exists (the build fails otherwise).\npub(super) fn table(id: InstrumentId, lang: Lang) -> &'static Instrument {\n    match (id, lang) {\n",
    );
    for (id, rust_id) in IDS {
        let (s, max_total) = &structures[id];
        src.push_str(&rules_lit(&id.to_uppercase(), s, *max_total));
        for lang in LANGS {
            src.push_str(&instrument_lit((id, rust_id), lang, s, &wordings[&(id, lang.0)]));
            let _ = writeln!(
                table,
                "        (InstrumentId::{rust_id}, Lang::{}) => &{}_{},",
                lang.1,
                id.to_uppercase(),
                lang.1.to_uppercase()
            );
        }
    }
    table.push_str("    }\n}\n");
    src.push_str(&table);
    write_out("checks.rs", &src);
}
