//! Compiles `data/screen/` into the crisis screen's tables.
//!
//! Inputs, per language `<l>` (en, es):
//! - `<l>.lexicon.toml`: `[classes]` (NAME = [words]) and `[aliases]` (misspelling = "word").
//! - `<l>.rules.toml`: `[[rule]]` entries (id, category, level, patterns, pos, neg, ...).
//! - `emoji.toml`: `[emoji]` (emoji = "#pseudo-word"), shared by every language.
//!
//! Outputs `screen.rs` (word list for the aho-corasick automaton, word flags, pattern elements,
//! a first-word index and the rule table) and `screen_examples.rs` (every rule's positive and
//! negative examples, read by tests/screen_rules.rs only, so they never reach the wasm).
//!
//! Words are stored normalised the way the engine normalises text: lowercase, common Latin accents
//! removed, no apostrophes. Anything else in a pattern fails the build with the rule id.

use crate::codegen::{fail, lit, read_data, write_out};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

const LANGS: [&str; 2] = ["en", "es"];
const CATEGORIES: [&str; 7] = [
    "suicide",
    "self_harm",
    "abuse",
    "sexual_violence",
    "harm_to_others",
    "psychosis",
    "overdose",
];
/// At most this many concepts over both languages (one bit each of a u128).
const MAX_CONCEPTS: usize = 128;
const MARKERS: [&str; 5] = ["distress", "exclude", "now", "past", "frame"];
const LEVELS: [&str; 5] = ["none", "support", "concern", "urgent", "emergency"];
/// Classes the engine reads as flags on a word (bit = position). STOP is per language.
/// SUBJ (bit 9) and COMMON (bit 10) are after the two STOP bits.
const FLAG_CLASSES: [&str; 10] = ["NEG", "NEGSKIP", "FIRST", "OTHER", "GENERIC", "HYPER", "BREAK", "STOP", "SUBJ", "COMMON"];
/// Flags of words too common to anchor a pattern: NEG, FIRST, OTHER, BREAK, both STOPs, SUBJ, COMMON.
const COMMON_FLAGS: u16 = 1 | 1 << 2 | 1 << 3 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 9 | 1 << 10;
/// The longest gap `...` may skip.
const GAP_SHORT: u16 = 2;
const GAP_LONG: u16 = 4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lexicon {
    #[serde(default)]
    classes: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rules {
    #[serde(default)]
    concept: Vec<ConceptSrc>,
    rule: Vec<RuleSrc>,
}

/// A concept of the co-occurrence layer: a named set of phrases (same pattern syntax as rules).
/// A hit sets the concept's bit in its sentence; a `all`/`any` rule fires when its concepts
/// meet in one sentence (or two adjacent short ones).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptSrc {
    name: String,
    #[serde(default = "yes")]
    negatable: bool,
    /// false: an exclusion over its words does not drop it (a threat in "he's at the door
    /// saying he will kill me", which the hyperbole exclusions would otherwise take for a joke).
    #[serde(default = "yes")]
    excludable: bool,
    #[serde(default)]
    note: Option<String>,
    patterns: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSrc {
    id: String,
    category: String,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    now: Option<String>,
    #[serde(default)]
    past: Option<String>,
    #[serde(default)]
    hyperbole: Option<String>,
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    weak: bool,
    #[serde(default = "yes")]
    negatable: bool,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    now_alone: bool,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    patterns: Vec<String>,
    /// Co-occurrence rule: every one of these concepts...
    #[serde(default)]
    all: Vec<String>,
    /// ...and (when given) at least one of these.
    #[serde(default)]
    any: Vec<String>,
    /// ...and none of these (an innocent activity or object: "taking photos", "to the boat").
    #[serde(default)]
    none: Vec<String>,
    #[serde(default)]
    pos: Vec<String>,
    #[serde(default)]
    neg: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct Emoji {
    emoji: BTreeMap<String, String>,
}

/// Folds a data word the way the engine folds text (ASCII lowercase, Latin accents off).
fn fold_word(file: &str, word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'Á' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'Ó' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' => 'u',
            'ñ' | 'Ñ' => 'n',
            'ç' => 'c',
            '\'' | '’' => continue,
            c if c.is_ascii_alphanumeric() || c == '#' => c.to_ascii_lowercase(),
            _ => fail(
                file,
                format!("word `{word}` has a character the engine never produces: {c:?}"),
            ),
        };
        out.push(c);
    }
    if out.is_empty() {
        fail(file, format!("empty word in `{word}`"));
    }
    out
}

/// Interns words (a trailing `*` = any word starting with it) into ids.
#[derive(Default)]
struct Words {
    ids: BTreeMap<String, u16>,
    names: Vec<String>,
    flags: Vec<u16>,
    /// automaton pattern → word id
    patterns: Vec<(String, u16)>,
}

impl Words {
    fn id(&mut self, file: &str, raw: &str) -> u16 {
        let (stem, prefix) = match raw.strip_suffix('*') {
            Some(s) => (s, true),
            None => (raw, false),
        };
        let word = fold_word(file, stem);
        let key = if prefix { format!("{word}*") } else { word.clone() };
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = u16::try_from(self.names.len()).unwrap_or_else(|_| fail(file, "too many words"));
        self.ids.insert(key.clone(), id);
        self.names.push(key);
        self.flags.push(0);
        if !word.starts_with('#') {
            let pat = if prefix {
                format!(" {word}")
            } else {
                format!(" {word} ")
            };
            self.patterns.push((pat, id));
        }
        id
    }
}

struct Elem {
    kind: u8, // 0 word set, 1 optional word set, 2 gap
    set: Vec<u16>,
    gap: u16,
}

struct Built {
    rule: usize,
    lang: u8,
    elems: Vec<Elem>,
}

fn level_of(file: &str, id: &str, s: &Option<String>, what: &str) -> Option<usize> {
    s.as_ref().map(|v| {
        LEVELS
            .iter()
            .position(|l| l == v)
            .unwrap_or_else(|| fail(file, format!("rule {id}: bad {what} `{v}`")))
    })
}

fn level_name(i: usize) -> &'static str {
    ["None", "Support", "Concern", "Urgent", "Emergency"][i]
}

fn category_expr(c: &str) -> String {
    match c {
        "distress" => "Kind::Distress".into(),
        "exclude" => "Kind::Exclude".into(),
        "now" => "Kind::Now".into(),
        "past" => "Kind::Past".into(),
        "frame" => "Kind::Frame".into(),
        _ => {
            let camel: String = c
                .split('_')
                .map(|p| {
                    let mut cs = p.chars();
                    cs.next()
                        .map(|f| f.to_ascii_uppercase().to_string() + cs.as_str())
                        .unwrap_or_default()
                })
                .collect();
            format!("Kind::Crisis(Category::{camel})")
        }
    }
}

pub fn generate() {
    let mut words = Words::default();
    // Reserved pseudo-words the tokenizer assigns itself.
    let num = words.id("build", "#num");
    let many = words.id("build", "#many");

    let emoji_file = "screen/emoji.toml";
    let emoji: Emoji = toml::from_str(&read_data(emoji_file)).unwrap_or_else(|e| fail(emoji_file, e));
    let mut emoji_rows = Vec::new();
    for (e, w) in &emoji.emoji {
        let mut cs = e.chars();
        let (Some(c), None) = (cs.next(), cs.next()) else {
            fail(emoji_file, format!("`{e}` must be one character"))
        };
        if !w.starts_with('#') {
            fail(emoji_file, format!("`{e}` must map to a #pseudo-word"));
        }
        emoji_rows.push((c, words.id(emoji_file, w)));
    }
    emoji_rows.sort();

    let mut rules_out: Vec<String> = Vec::new();
    let mut examples: Vec<(usize, bool, String)> = Vec::new();
    let mut pats: Vec<Built> = Vec::new();
    let mut concept_bits: BTreeMap<String, usize> = BTreeMap::new();

    for (li, lang) in LANGS.iter().enumerate() {
        let lex_file = format!("screen/{lang}.lexicon.toml");
        let lex: Lexicon = toml::from_str(&read_data(&lex_file)).unwrap_or_else(|e| fail(&lex_file, e));
        let mut classes: BTreeMap<String, Vec<u16>> = BTreeMap::new();
        for (name, members) in &lex.classes {
            if name.chars().any(|c| !(c.is_ascii_uppercase() || c == '_')) {
                fail(&lex_file, format!("class name `{name}` must be UPPER_CASE"));
            }
            let mut ids = Vec::new();
            for m in members {
                if m.contains(' ') {
                    fail(
                        &lex_file,
                        format!("class {name}: `{m}` has a space; write multi-word phrases as patterns"),
                    );
                }
                let id = words.id(&lex_file, m);
                ids.push(id);
                if let Some(bit) = FLAG_CLASSES.iter().position(|f| f == name) {
                    let bit = match name.as_str() {
                        "STOP" => 7 + li,
                        "SUBJ" => 9,
                        "COMMON" => 10,
                        _ => bit,
                    };
                    words.flags[id as usize] |= 1 << bit;
                }
            }
            ids.sort();
            ids.dedup();
            classes.insert(name.clone(), ids);
        }
        for (alias, target) in &lex.aliases {
            let folded = fold_word(&lex_file, target);
            let Some(&tid) = words.ids.get(&folded) else {
                fail(
                    &lex_file,
                    format!("alias `{alias}` points to `{target}`, which no class or pattern uses (define it first)"),
                )
            };
            let a = fold_word(&lex_file, alias);
            words.patterns.push((format!(" {a} "), tid));
        }

        let rules_file = format!("screen/{lang}.rules.toml");
        let src: Rules = toml::from_str(&read_data(&rules_file)).unwrap_or_else(|e| fail(&rules_file, e));
        let mut seen = std::collections::BTreeSet::new();
        for c in &src.concept {
            let _ = &c.note;
            if c.name.chars().any(|ch| !(ch.is_ascii_uppercase() || ch == '_')) {
                fail(&rules_file, format!("concept name `{}` must be UPPER_CASE", c.name));
            }
            let key = format!("{lang}.{}", c.name);
            if concept_bits.contains_key(&key) {
                fail(&rules_file, format!("duplicate concept {}", c.name));
            }
            let bit = concept_bits.len();
            if bit >= MAX_CONCEPTS {
                fail(&rules_file, format!("more than {MAX_CONCEPTS} concepts"));
            }
            concept_bits.insert(key, bit);
            if c.patterns.is_empty() {
                fail(&rules_file, format!("concept {}: no patterns", c.name));
            }
            let rule_index = rules_out.len();
            let id = format!("{lang}.concept.{}", c.name.to_ascii_lowercase());
            rules_out.push(format!(
                "    RuleDef {{ id: {}, kind: Kind::Concept({bit}), level: Level::None, now: None, past: None, hyperbole: None, subject: 0, weak: false, negatable: {}, needs: 0, now_alone: false, all: 0, any: 0, unless: 0, excludable: {} }},\n",
                lit(&id),
                c.negatable,
                c.excludable,
            ));
            compile_patterns(&rules_file, &id, &c.patterns, &classes, &mut words, (num, many), rule_index, li, &mut pats);
        }
        for r in src.rule {
            let id = format!("{lang}.{}", r.id);
            if !seen.insert(id.clone()) {
                fail(&rules_file, format!("duplicate rule id {id}"));
            }
            let is_marker = MARKERS.contains(&r.category.as_str());
            if !is_marker && !CATEGORIES.contains(&r.category.as_str()) {
                fail(&rules_file, format!("rule {id}: unknown category `{}`", r.category));
            }
            let level = level_of(&rules_file, &id, &r.level, "level");
            match (r.category.as_str(), level) {
                ("distress", Some(1)) => {}
                ("distress", _) => fail(
                    &rules_file,
                    format!("rule {id}: distress rules have level = \"support\""),
                ),
                ("exclude" | "now" | "past" | "frame", None) => {}
                ("exclude" | "now" | "past" | "frame", Some(_)) => {
                    fail(&rules_file, format!("rule {id}: markers take no level"))
                }
                (_, Some(l)) if l >= 2 => {}
                _ => fail(
                    &rules_file,
                    format!("rule {id}: crisis rules need level concern, urgent or emergency"),
                ),
            }
            if !is_marker || r.category == "distress" {
                if r.pos.is_empty() {
                    fail(
                        &rules_file,
                        format!("rule {id}: needs at least one positive example (pos)"),
                    );
                }
            }
            let subject = match r.subject.as_deref() {
                None | Some("context") => 0,
                Some("self") => 1,
                Some("other") => 2,
                Some(s) => fail(
                    &rules_file,
                    format!("rule {id}: subject `{s}` (self, other or context)"),
                ),
            };
            let mut needs = 0u8;
            for n in &r.needs {
                let Some(i) = CATEGORIES.iter().position(|c| c == n) else {
                    fail(&rules_file, format!("rule {id}: needs unknown category `{n}`"))
                };
                needs |= 1 << i;
            }
            let _ = &r.note;
            if r.now_alone && needs == 0 {
                fail(&rules_file, format!("rule {id}: now_alone only makes sense with needs"));
            }
            let concept_mask = |names: &[String]| {
                names.iter().fold(0u128, |m, n| {
                    let Some(&bit) = concept_bits.get(&format!("{lang}.{n}")) else {
                        fail(&rules_file, format!("rule {id}: unknown concept `{n}` (define it as [[concept]] in this file)"))
                    };
                    m | 1 << bit
                })
            };
            let (all, any, unless) = (concept_mask(&r.all), concept_mask(&r.any), concept_mask(&r.none));
            if all != 0 && (is_marker || !r.patterns.is_empty() || needs != 0) {
                fail(&rules_file, format!("rule {id}: a co-occurrence rule (`all`) is a crisis rule with no patterns and no needs"));
            }
            if (any != 0 || unless != 0) && all == 0 {
                fail(&rules_file, format!("rule {id}: `any` and `none` need `all`"));
            }
            if all != 0 && (r.all.len() + usize::from(any != 0) < 2 || r.neg.is_empty()) {
                fail(&rules_file, format!("rule {id}: a co-occurrence rule needs two concepts or more and negative examples"));
            }
            let lv = |s: &Option<String>, what| level_of(&rules_file, &id, s, what).map(level_name);
            let opt = |l: Option<&str>| l.map(|l| format!("Some(Level::{l})")).unwrap_or_else(|| "None".into());
            let rule_index = rules_out.len();
            rules_out.push(format!(
                "    RuleDef {{ id: {}, kind: {}, level: Level::{}, now: {}, past: {}, hyperbole: {}, subject: {subject}, weak: {}, negatable: {}, needs: {needs}, now_alone: {}, all: {all}, any: {any}, unless: {unless}, excludable: true }},\n",
                lit(&id),
                category_expr(&r.category),
                level.map(level_name).unwrap_or("None"),
                opt(lv(&r.now, "now")),
                opt(lv(&r.past, "past")),
                opt(lv(&r.hyperbole, "hyperbole")),
                r.weak,
                r.negatable,
                r.now_alone,
            ));
            for p in &r.pos {
                examples.push((rule_index, true, p.clone()));
            }
            for n in &r.neg {
                examples.push((rule_index, false, n.clone()));
            }
            if r.patterns.is_empty() && all == 0 {
                fail(&rules_file, format!("rule {id}: no patterns"));
            }
            compile_patterns(&rules_file, &id, &r.patterns, &classes, &mut words, (num, many), rule_index, li, &mut pats);
        }
    }

    // Emit.
    let nwords = words.names.len();
    let mut src = String::from("// Generated by build/screen.rs from data/screen/. Do not edit.\n");
    let _ = writeln!(
        src,
        "pub(super) const WORD_NUM: u16 = {num};\npub(super) const WORD_MANY: u16 = {many};"
    );
    // Word lookup: an open-addressing table over FNV-1a hashes of the folded words (exact words and
    // aliases), and a short list of prefixes (`stem*`) tried longest first for unknown words.
    let mut exact: Vec<(String, u16)> = Vec::new();
    let mut prefixes: Vec<(String, u16)> = Vec::new();
    let mut seen_exact = std::collections::BTreeSet::new();
    for (p, id) in &words.patterns {
        let body = p.trim_start_matches(' ');
        match body.strip_suffix(' ') {
            Some(w) => {
                if seen_exact.insert(w.to_string()) {
                    exact.push((w.to_string(), *id));
                }
            }
            None => prefixes.push((body.to_string(), *id)),
        }
    }
    prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let size = (exact.len() * 2).next_power_of_two().max(16);
    let mut slots: Vec<Option<usize>> = vec![None; size];
    for (i, (w, _)) in exact.iter().enumerate() {
        if w.len() >= 32 {
            fail("data/screen", format!("word `{w}` is too long (31 bytes at most)"));
        }
        let mut h = fnv1a(w.as_bytes()) as usize & (size - 1);
        while slots[h].is_some() {
            h = (h + 1) & (size - 1);
        }
        slots[h] = Some(i);
    }
    let mut bytes = String::new();
    let mut offsets = Vec::new();
    for (w, _) in &exact {
        offsets.push(bytes.len());
        bytes.push_str(w);
    }
    let _ = writeln!(src, "/// Every exact word, concatenated; WORD_SLOTS point into it.");
    let _ = writeln!(src, "pub(super) static WORD_BYTES: &str = {};", lit(&bytes));
    // Each slot packs offset (15 bits), length (5) and word id (12) into a u32; 0 is empty.
    if bytes.len() >= 1 << 15 || nwords >= (1 << 13) - 1 {
        fail("data/screen", "the word table outgrew its packing (15-bit offsets, 13-bit ids): widen WORD_SLOTS");
    }
    let _ = writeln!(
        src,
        "/// Open-addressing table (FNV-1a, linear probing): offset << 18 | length << 13 | (word id + 1); 0 is empty."
    );
    src.push_str("pub(super) static WORD_SLOTS: &[u64] = &[");
    for slot in &slots {
        let v = slot.map_or(0, |i| (offsets[i] << 18) | (exact[i].0.len() << 13) | (exact[i].1 as usize + 1));
        let _ = write!(src, "{v},");
    }
    src.push_str("];\n/// Prefix words (`stem*`), longest first.\npub(super) static PREFIXES: &[(&str, u16)] = &[");
    for (w, id) in &prefixes {
        let _ = write!(src, "({}, {id}),", lit(w));
    }
    src.push_str("];\n/// Per word id: flag bits (see `flags`).\npub(super) static WORD_FLAGS: &[u16] = &[");
    for f in &words.flags {
        let _ = write!(src, "{f},");
    }
    src.push_str("];\npub(super) static EMOJI: &[(char, u16)] = &[");
    for (c, id) in &emoji_rows {
        let _ = write!(src, "({c:?}, {id}),");
    }
    src.push_str("];\n");

    // Elements and word sets.
    let mut sets: Vec<u16> = Vec::new();
    let mut set_at: BTreeMap<Vec<u16>, usize> = BTreeMap::new();
    let mut elems: Vec<u32> = Vec::new();
    let mut pats_out = String::new();
    let mut first: Vec<Vec<u32>> = vec![Vec::new(); nwords];
    // Each pattern's anchor: its cheapest required word set (function words cost much more; the
    // later set on a tie, since first words tend to be common). Each distinct anchor set gets a
    // bit of a 64-bit mask (shared modulo 64); a word's mask holds the bits of the sets it is in.
    // A pattern is tried only in a sentence whose words' masks hold its anchor's bit (0..62; 63 for patterns anchored on their first word): a cheap,
    // sometimes too generous filter (the match itself is exact).
    let mut groups: BTreeMap<Vec<u16>, usize> = BTreeMap::new();
    let mut word_mask: Vec<u64> = vec![0; nwords];
    for (pi, p) in pats.iter().enumerate() {
        // Function words, pronouns and negators are everywhere: they make poor anchors.
        let common = |w: u16| words.flags.get(w as usize).is_some_and(|f| f & COMMON_FLAGS != 0);
        let cost = |e: &Elem| e.set.iter().map(|&w| if common(w) { 100 } else { 1 }).sum::<usize>();
        let (at, anchor) = p
            .elems
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == 0)
            .fold(None::<(usize, &Elem)>, |best, (i, e)| match best {
                Some((j, b)) if cost(b) < cost(e) => Some((j, b)),
                _ => Some((i, e)),
            })
            .map(|(i, e)| (i, e.set.clone()))
            .unwrap_or_default();
        // Anchored on its first word, a pattern needs no filter: the word index already is one.
        // Those take bit 63, which every word that starts such a pattern sets.
        let bit = if at == 0 {
            63
        } else {
            let next = groups.len();
            *groups.entry(anchor.clone()).or_insert(next) % 63
        };
        let owners = if at == 0 { &p.elems[0].set } else { &anchor };
        for &w in owners {
            word_mask[w as usize] |= 1 << bit;
        }
        // Elements pack kind << 30 | len << 18 | set start; identical word sets and identical
        // element sequences are stored once.
        let seq: Vec<u32> = p
            .elems
            .iter()
            .map(|e| {
                let (s, len) = if e.kind == 2 {
                    (0, e.gap as usize)
                } else {
                    let s = *set_at.entry(e.set.clone()).or_insert_with(|| {
                        sets.extend_from_slice(&e.set);
                        sets.len() - e.set.len()
                    });
                    (s, e.set.len())
                };
                if s >= 1 << 18 || len >= 1 << 12 {
                    fail("data/screen", "a word set outgrew the element packing (18-bit start, 12-bit length)");
                }
                u32::from(e.kind) << 30 | (len as u32) << 18 | s as u32
            })
            .collect();
        let start = elems
            .windows(seq.len())
            .position(|w| w == seq.as_slice())
            .unwrap_or_else(|| {
                elems.extend_from_slice(&seq);
                elems.len() - seq.len()
            });
        let _ = write!(
            pats_out,
            "Pat {{ rule: {}, start: {start}, len: {} }},",
            p.rule,
            p.elems.len(),
        );
        for &w in &p.elems[0].set {
            first[w as usize].push(((pi as u32) << 8) | (u32::from(p.lang) << 6) | bit as u32);
        }
    }
    if elems.len() > u16::MAX as usize || pats.len() > u16::MAX as usize {
        fail("data/screen", "tables too large for 16-bit indices");
    }
    let _ = writeln!(src, "pub(super) static SETS: &[u16] = &{sets:?};");
    let _ = writeln!(src, "pub(super) static ELEMS: &[Elem] = &[");
    for e in &elems {
        let _ = write!(src, "Elem({e}),");
    }
    src.push_str("];\n");
    let _ = writeln!(src, "pub(super) static PATS: &[Pat] = &[{pats_out}];");
    if pats.len() >= 1 << 24 {
        fail("data/screen", "too many patterns");
    }
    let mut offs = vec![0u16];
    let mut flat: Vec<u32> = Vec::new();
    for f in &mut first {
        // Sorted by anchor bit, so the matcher can go straight to the bits a sentence holds.
        f.sort_by_key(|e| (e & 63, e >> 8));
        flat.extend_from_slice(f);
        offs.push(u16::try_from(flat.len()).unwrap_or_else(|_| fail("data/screen", "too many first-word entries for 16-bit offsets")));
    }
    let _ = writeln!(
        src,
        "/// Patterns by first word: FIRST_PATS[FIRST_START[w]..FIRST_START[w + 1]], each\n/// `pattern << 8 | language bits << 6 | anchor bit`, sorted by anchor bit."
    );
    let _ = writeln!(src, "pub(super) static FIRST_START: &[u16] = &{offs:?};");
    let _ = writeln!(src, "pub(super) static FIRST_PATS: &[u32] = &{flat:?};");
    let _ = writeln!(src, "/// Per word id: the anchor bits of the sets it is in ({} anchor sets).", groups.len());
    let _ = writeln!(src, "pub(super) static WORD_MASK: &[u64] = &{word_mask:?};");
    src.push_str("pub(super) static RULES: &[RuleDef] = &[\n");
    for r in &rules_out {
        src.push_str(r);
    }
    src.push_str("];\n");
    write_out("screen.rs", &src);

    let mut ex = String::from("// Generated by build/screen.rs: (rule index, positive?, text).\n");
    ex.push_str("pub static SCREEN_EXAMPLES: &[(usize, bool, &str)] = &[\n");
    for (r, p, t) in &examples {
        let _ = writeln!(ex, "    ({r}, {p}, {}),", lit(t));
    }
    ex.push_str("];\n");
    write_out("screen_examples.rs", &ex);
}

/// Compiles a rule's (or concept's) patterns into `pats`.
#[allow(clippy::too_many_arguments)]
fn compile_patterns(
    file: &str,
    id: &str,
    patterns: &[String],
    classes: &BTreeMap<String, Vec<u16>>,
    words: &mut Words,
    (num, many): (u16, u16),
    rule_index: usize,
    li: usize,
    pats: &mut Vec<Built>,
) {
    let mut expanded = Vec::new();
    for p in patterns {
        check_alternatives(file, id, p);
        expand_groups(file, id, p, &mut expanded);
    }
    for p in &expanded {
        let mut elems = Vec::new();
        for tok in p.split_whitespace() {
            if tok == ".." || tok == "..." {
                let gap = if tok == ".." { GAP_SHORT } else { GAP_LONG };
                elems.push(Elem {
                    kind: 2,
                    set: Vec::new(),
                    gap,
                });
                continue;
            }
            let (body, optional) = match tok.strip_suffix('?') {
                Some(b) => (b, true),
                None => (tok, false),
            };
            let mut set = Vec::new();
            for alt in body.split('|') {
                if let Some(name) = alt.strip_prefix('<').and_then(|a| a.strip_suffix('>')) {
                    let Some(ids) = classes.get(name) else {
                        fail(file, format!("rule {id}: unknown class <{name}> in `{p}`"))
                    };
                    set.extend_from_slice(ids);
                } else if alt == "#num" {
                    set.extend([num, many]);
                } else {
                    set.push(words.id(file, alt));
                }
            }
            set.sort();
            set.dedup();
            elems.push(Elem {
                kind: optional as u8,
                set,
                gap: 0,
            });
        }
        match elems.first() {
            Some(e) if e.kind == 0 => {}
            _ => fail(
                file,
                format!("rule {id}: pattern `{p}` must start with a required word"),
            ),
        }
        if elems.last().is_some_and(|e| e.kind == 2) {
            fail(file, format!("rule {id}: pattern `{p}` must not end with a gap"));
        }
        if elems.len() > 16 {
            fail(file, format!("rule {id}: pattern `{p}` is too long"));
        }
        pats.push(Built {
            rule: rule_index,
            lang: 1u8 << li,
            elems,
        });
    }
}

/// FNV-1a, the same function the engine hashes words with (src/screen/lexicon.rs).
fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// `a|b` joins single words. A bar with a space beside it ("end my life | end it all") means the
/// author meant whole phrases, which would silently become one wrong sequence: fail instead.
fn check_alternatives(file: &str, id: &str, pattern: &str) {
    let outside_groups = {
        let mut depth = 0i32;
        pattern
            .chars()
            .map(|c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                if depth > 0 { '_' } else { c }
            })
            .collect::<String>()
    };
    for tok in outside_groups.split_whitespace() {
        let body = tok.strip_suffix('?').unwrap_or(tok);
        if body.split('|').any(str::is_empty) {
            fail(
                file,
                format!(
                    "rule {id}: pattern `{pattern}` has an empty alternative at `{tok}`: `a|b` joins single \
                     words only (no spaces around `|`); for phrases write `(end my life|end it all)` or \
                     separate patterns"
                ),
            );
        }
    }
}

/// Expands `(phrase one|phrase two)` groups into one pattern per phrase (nesting not allowed).
fn expand_groups(file: &str, id: &str, pattern: &str, out: &mut Vec<String>) {
    let Some(open) = pattern.find('(') else {
        if pattern.contains(')') {
            fail(file, format!("rule {id}: pattern `{pattern}` has `)` without `(`"));
        }
        out.push(pattern.to_string());
        return;
    };
    let Some(close) = pattern[open..].find(')').map(|c| open + c) else {
        fail(file, format!("rule {id}: pattern `{pattern}` has `(` without `)`"))
    };
    let inner = &pattern[open + 1..close];
    if inner.contains('(') {
        fail(file, format!("rule {id}: pattern `{pattern}`: groups do not nest"));
    }
    let alternatives: Vec<&str> = inner.split('|').map(str::trim).collect();
    if alternatives.len() < 2 || alternatives.iter().any(|a| a.is_empty()) {
        fail(
            file,
            format!("rule {id}: pattern `{pattern}`: a group needs two or more non-empty phrases `(a b|c d)`"),
        );
    }
    for a in alternatives {
        let next = format!("{} {a} {}", &pattern[..open], &pattern[close + 1..]);
        expand_groups(file, id, next.trim(), out);
    }
}
