//! Compiles `data/screen/` into the crisis screen's tables.
//!
//! Inputs, per language `<l>` (en, es):
//! - `<l>.lexicon.toml`: `[classes]` (NAME = [words]) and `[aliases]` (misspelling = "word").
//! - `<l>.rules.toml`: `[[rule]]` entries (id, category, level, patterns, pos, neg, ...).
//! - `emoji.toml`: `[emoji]` (emoji = "#pseudo-word"), shared by every language.
//!
//! Outputs `screen.rs` (the sorted word list, word flags, word sets, the patterns as written and
//! the rules, compactly: src/screen/tables.rs builds the indexes from them) and `screen_examples.rs` (every rule's positive and
//! negative examples, read by tests/screen_rules.rs only, so they never reach the wasm).
//!
//! Words are stored normalised the way the engine normalises text: lowercase, common Latin accents
//! removed, no apostrophes. Anything else in a pattern fails the build with the rule id.

use crate::codegen::{fail, lit, read_data, write_out};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub const LANGS: [&str; 2] = ["en", "es"];
/// Category names in `Category` order (the engine indexes by position).
pub const CATEGORIES: [&str; 7] = [
    "suicide",
    "self_harm",
    "abuse",
    "sexual_violence",
    "harm_to_others",
    "psychosis",
    "overdose",
];
/// A concept's kind byte (0..=6 categories, 7..=11 markers; see `RuleOut::kind`).
const CONCEPT_KIND: u8 = 12;
/// 128-bit words in a `ConceptSet` (written into the generated tables for src/screen/lexicon.rs).
const CONCEPT_WORDS: usize = 7;
/// At most this many concepts per language (one bit each of a `ConceptSet`; each language has its
/// own bits, since a co-occurrence rule only ever meets its own language's concepts).
const MAX_CONCEPTS: usize = CONCEPT_WORDS * 128;
/// At most this many blocks of 64 co-occurrence rules per language (`tables::CoocCandidates`
/// keeps one mask per block).
const COOC_BLOCKS: usize = 16;
const MARKERS: [&str; 5] = ["distress", "exclude", "now", "past", "frame"];
const LEVELS: [&str; 5] = ["none", "support", "concern", "urgent", "emergency"];
/// Classes the engine reads as flags on a word (bit = position). STOP is per language.
/// SUBJ (bit 9) and COMMON (bit 10) are after the two STOP bits; OTHER is per language too (bit 3
/// English, bit 11 Spanish): "son" is a son in English and "they are" in Spanish. CONTRAST is bit 12,
/// SPECIFIC bit 13, GOES_ON bit 14.
const FLAG_CLASSES: [&str; 13] = ["NEG", "NEGSKIP", "FIRST", "OTHER", "GENERIC", "HYPER", "BREAK", "STOP", "SUBJ", "COMMON", "CONTRAST", "SPECIFIC", "GOES_ON"];
/// Flags of words too common to anchor a pattern: NEG, FIRST, both OTHERs, BREAK, both STOPs, SUBJ,
/// COMMON.
const COMMON_FLAGS: u16 = 1 | 1 << 2 | 1 << 3 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 9 | 1 << 10 | 1 << 11;
/// The longest gap `...` may skip.
const GAP_SHORT: u16 = 2;
const GAP_LONG: u16 = 4;
/// Pattern codes (src/screen/tables.rs reads them, as LEB128 varints): the structural codes, then
/// CODE_OPTIONAL before an optional element, then the symbols: a word id (a one-word element) or
/// word count + i (the i-th word set of SETS), coded as CODE_SYMBOL + its index in the hot list
/// or CODE_SYMBOL + HOT_SYMBOLS + symbol.
const CODE_GAP_SHORT: u32 = 0;
const CODE_GAP_LONG: u32 = 1;
const CODE_OPEN: u32 = 2;
const CODE_ALT: u32 = 3;
const CODE_CLOSE: u32 = 4;
const CODE_PAT_END: u32 = 5;
const CODE_RULE_END: u32 = 6;
const CODE_OPTIONAL: u32 = 7;
const CODE_SYMBOL: u32 = 8;
/// This many of the most used symbols have one-byte codes (CODE_SYMBOL + HOT_SYMBOLS < 128).
const HOT_SYMBOLS: usize = 120;

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
    /// false: a fiction, game or study frame in the sentence does not drop it (its words already
    /// say it happens off the page: a child meeting a man met in a game).
    #[serde(default = "yes")]
    framed: bool,
    /// Co-occurrence rule: also read over a sentence and the next whatever their lengths (a
    /// window otherwise joins only short sentences), for pairs that are rare in ordinary text.
    #[serde(default)]
    adjacent: bool,
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

#[derive(Clone, PartialEq)]
struct Elem {
    kind: u8, // 0 word set, 1 optional word set, 2 gap
    set: Vec<u16>,
    gap: u16,
}

/// A pattern as written: its elements, with `(a b|c d)` groups kept as Open, a phrase, Alt, ... Close.
struct Written {
    rule: usize,
    toks: Vec<WTok>,
}

enum WTok {
    Elem(Elem),
    Open,
    Alt,
    Close,
}

/// One expanded pattern (for the build's checks).
struct Built {
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

/// `suicide` → `Category::Suicide`.
fn category_expr(c: &str) -> String {
    let camel: String = c
        .split('_')
        .map(|p| {
            let mut cs = p.chars();
            cs.next()
                .map(|f| f.to_ascii_uppercase().to_string() + cs.as_str())
                .unwrap_or_default()
        })
        .collect();
    format!("Category::{camel}")
}

/// A rule as it ships (see `tables::decode_rules`).
struct RuleOut {
    id: String,
    /// A category's index in CATEGORIES; 7.. the markers (MARKERS order); CONCEPT_KIND a concept.
    kind: u8,
    /// A concept's bit (bits count within the rule's language); 0 for other rules.
    bit: u16,
    /// level, now, past, hyperbole: LEVELS index + 1, 0 for none.
    levels: [u8; 4],
    /// subject | weak << 2 | negatable << 3 | now_alone << 4 | excludable << 5 | framed << 6 | adjacent << 7.
    flags: u8,
    needs: u8,
    /// all, any, unless: bit masks as u128 words, lowest first.
    concepts: ([u128; CONCEPT_WORDS], [u128; CONCEPT_WORDS], [u128; CONCEPT_WORDS]),
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

    let mut rules_out: Vec<RuleOut> = Vec::new();
    let mut examples: Vec<(usize, bool, String)> = Vec::new();
    let mut pats: Vec<Built> = Vec::new();
    let mut written: Vec<Written> = Vec::new();
    let mut first_es_rule = 0;
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
                        "OTHER" if li == 1 => 11,
                        "SUBJ" => 9,
                        "COMMON" => 10,
                        "CONTRAST" => 12,
                        "SPECIFIC" => 13,
                        "GOES_ON" => 14,
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

        if li == 1 {
            first_es_rule = rules_out.len();
        }
        let rules_file = format!("screen/{lang}.rules.toml");
        let src: Rules = toml::from_str(&read_data(&rules_file)).unwrap_or_else(|e| fail(&rules_file, e));
        let mut seen = std::collections::BTreeSet::new();
        let mut cooc_rules = 0;
        for c in &src.concept {
            let _ = &c.note;
            if c.name.chars().any(|ch| !(ch.is_ascii_uppercase() || ch == '_')) {
                fail(&rules_file, format!("concept name `{}` must be UPPER_CASE", c.name));
            }
            let key = format!("{lang}.{}", c.name);
            if concept_bits.contains_key(&key) {
                fail(&rules_file, format!("duplicate concept {}", c.name));
            }
            let bit = concept_bits.keys().filter(|k| k.starts_with(&format!("{lang}."))).count();
            if bit >= MAX_CONCEPTS {
                fail(&rules_file, format!("more than {MAX_CONCEPTS} concepts in one language"));
            }
            concept_bits.insert(key, bit);
            if c.patterns.is_empty() {
                fail(&rules_file, format!("concept {}: no patterns", c.name));
            }
            let rule_index = rules_out.len();
            let id = format!("{lang}.concept.{}", c.name.to_ascii_lowercase());
            rules_out.push(RuleOut {
                id: id.clone(),
                kind: CONCEPT_KIND,
                bit: bit as u16,
                levels: [1, 0, 0, 0],
                flags: u8::from(c.negatable) << 3 | u8::from(c.excludable) << 5,
                needs: 0,
                concepts: ([0; CONCEPT_WORDS], [0; CONCEPT_WORDS], [0; CONCEPT_WORDS]),
            });
            compile_patterns(&rules_file, &id, &c.patterns, &classes, &mut words, (num, many), rule_index, &mut pats, &mut written);
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
            if (!is_marker || r.category == "distress") && r.pos.is_empty() {
                fail(&rules_file, format!("rule {id}: needs at least one positive example (pos)"));
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
            if r.adjacent && r.all.is_empty() {
                fail(&rules_file, format!("rule {id}: adjacent is for co-occurrence rules (all = [...])"));
            }
            if r.now_alone && needs == 0 {
                fail(&rules_file, format!("rule {id}: now_alone only makes sense with needs"));
            }
            let concept_mask = |names: &[String]| {
                names.iter().fold([0u128; CONCEPT_WORDS], |mut m, n| {
                    let Some(&bit) = concept_bits.get(&format!("{lang}.{n}")) else {
                        fail(&rules_file, format!("rule {id}: unknown concept `{n}` (define it as [[concept]] in this file)"))
                    };
                    m[bit / 128] |= 1 << (bit % 128);
                    m
                })
            };
            let (all, any, unless) = (concept_mask(&r.all), concept_mask(&r.any), concept_mask(&r.none));
            if all != [0; CONCEPT_WORDS] && (is_marker || !r.patterns.is_empty() || needs != 0) {
                fail(&rules_file, format!("rule {id}: a co-occurrence rule (`all`) is a crisis rule with no patterns and no needs"));
            }
            if (any != [0; CONCEPT_WORDS] || unless != [0; CONCEPT_WORDS]) && all == [0; CONCEPT_WORDS] {
                fail(&rules_file, format!("rule {id}: `any` and `none` need `all`"));
            }
            if all != [0; CONCEPT_WORDS] {
                cooc_rules += 1;
                if cooc_rules > COOC_BLOCKS * 64 {
                    fail(&rules_file, format!("more than {} co-occurrence rules in one language", COOC_BLOCKS * 64));
                }
            }
            if all != [0; CONCEPT_WORDS] && (r.all.len() + usize::from(any != [0; CONCEPT_WORDS]) < 2 || r.neg.is_empty()) {
                fail(&rules_file, format!("rule {id}: a co-occurrence rule needs two concepts or more and negative examples"));
            }
            let lv = |s: &Option<String>, what| level_of(&rules_file, &id, s, what).map_or(0, |l| l as u8 + 1);
            let kind = CATEGORIES
                .iter()
                .chain(&MARKERS)
                .position(|c| *c == r.category)
                .unwrap_or_else(|| fail(&rules_file, format!("rule {id}: unknown category `{}`", r.category)));
            let rule_index = rules_out.len();
            rules_out.push(RuleOut {
                id: id.clone(),
                kind: kind as u8,
                bit: 0,
                levels: [
                    level.map_or(1, |l| l as u8 + 1),
                    lv(&r.now, "now"),
                    lv(&r.past, "past"),
                    lv(&r.hyperbole, "hyperbole"),
                ],
                flags: subject
                    | u8::from(r.weak) << 2
                    | u8::from(r.negatable) << 3
                    | u8::from(r.now_alone) << 4
                    | 1 << 5
                    | u8::from(r.framed) << 6
                    | u8::from(r.adjacent) << 7,
                needs,
                concepts: (all, any, unless),
            });
            for p in &r.pos {
                examples.push((rule_index, true, p.clone()));
            }
            for n in &r.neg {
                examples.push((rule_index, false, n.clone()));
            }
            if r.patterns.is_empty() && all == [0; CONCEPT_WORDS] {
                fail(&rules_file, format!("rule {id}: no patterns"));
            }
            compile_patterns(&rules_file, &id, &r.patterns, &classes, &mut words, (num, many), rule_index, &mut pats, &mut written);
        }
    }

    // Emit. Only the canonical tables ship: the sorted word list, flags, word sets, the patterns as
    // written (groups unexpanded) and the rules. The word hash table, the expanded patterns, the
    // first-word index and the anchor masks are pure functions of them, built at first use
    // (src/screen/tables.rs), so they cost no wasm bytes.
    let nwords = words.names.len();
    // Word ids follow the sorted word list, so the list ships as plain text in id order.
    let mut order: Vec<usize> = (0..nwords).collect();
    order.sort_by(|&a, &b| words.names[a].cmp(&words.names[b]));
    let mut new_id = vec![0u16; nwords];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new as u16;
    }
    let remap = |set: &[u16]| {
        let mut s: Vec<u16> = set.iter().map(|&w| new_id[w as usize]).collect();
        s.sort();
        s
    };
    let mut src = String::from("// Generated by build/screen.rs from data/screen/. Do not edit.\n");
    let mut blob = Blob::default();
    let _ = writeln!(
        src,
        "pub(super) const WORD_NUM: u16 = {};\npub(super) const WORD_MANY: u16 = {};",
        new_id[num as usize], new_id[many as usize]
    );
    // Exact words and aliases, the first of each spelling winning (as the lookup always has).
    let mut exact: BTreeMap<String, u16> = BTreeMap::new();
    let mut prefixes: Vec<(String, u16)> = Vec::new();
    let mut clashes = Vec::new();
    for (p, id) in &words.patterns {
        let body = p.trim_start_matches(' ');
        match body.strip_suffix(' ') {
            Some(w) => {
                if w.len() >= 32 {
                    fail("data/screen", format!("word `{w}` is too long (31 bytes at most)"));
                }
                let first = *exact.entry(w.to_string()).or_insert(*id);
                // Spellings are shared by every language: a word that some class or pattern uses
                // and an alias of the same spelling cannot both apply, whichever came first (Spanish
                // "pa" for "para" died once an English pattern used "pa"; a Pidgin phrase's "wan"
                // would never match once "wan" read as "want").
                if first != *id && (words.names[first as usize] == w) != (words.names[*id as usize] == w) {
                    let target = if words.names[first as usize] == w { &words.names[*id as usize] } else { &words.names[first as usize] };
                    clashes.push(format!("`{w}` (alias for `{target}`)"));
                }
            }
            None => prefixes.push((body.to_string(), new_id[*id as usize])),
        }
    }
    if !clashes.is_empty() {
        fail(
            "data/screen",
            format!("aliases that clash with the same word in a class or pattern, in this language or another (drop one of each): {}", clashes.join(", ")),
        );
    }
    prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let names: Vec<&str> = order.iter().map(|&i| words.names[i].as_str()).collect();
    if names.iter().any(|n| n.len() >= 32) {
        fail("data/screen", "a word outgrew its packing (31 bytes at most)");
    }
    // Front-coded: each word is the length it shares with the one before (a byte below any letter
    // the words use), then the rest of it. Sorted words share a lot: this is a third smaller.
    let mut front = Vec::new();
    let mut prev = "";
    for w in &names {
        let shared = w.bytes().zip(prev.bytes()).take_while(|(a, b)| a == b).count();
        front.push(shared as u8);
        front.extend_from_slice(&w.as_bytes()[shared..]);
        prev = w;
    }
    let _ = writeln!(src, "/// Every word, sorted (the index is the word id), front-coded (see `tables::words`).");
    let _ = writeln!(src, "pub(super) static WORDS: &[u8] = {};", blob.part(front));
    // Spellings that look up another word's id: aliases, and any word an earlier alias shadows.
    let aliases: Vec<(&String, u16)> = exact
        .iter()
        .filter(|(w, &id)| words.names[id as usize] != **w)
        .map(|(w, &id)| (w, new_id[id as usize]))
        .collect();
    let alias_words: Vec<&str> = aliases.iter().map(|(w, _)| w.as_str()).collect();
    let alias_ids: Vec<u16> = aliases.iter().map(|&(_, id)| id).collect();
    let _ = writeln!(src, "/// Spellings that stand for another word (ALIAS_IDS), looked up before WORDS.");
    let _ = writeln!(src, "pub(super) static ALIASES: &str = {};", lit(&alias_words.join(" ")));
    let _ = writeln!(src, "pub(super) static ALIAS_IDS: &[u16] = &{alias_ids:?};");
    src.push_str("/// Prefix words (`stem*`), longest first.\npub(super) static PREFIXES: &[(&str, u16)] = &[");
    for (w, id) in &prefixes {
        let _ = write!(src, "({}, {id}),", lit(w));
    }
    src.push_str("];\n/// Per word id: flag bits (see `flags`).\npub(super) static WORD_FLAGS: &[u16] = &[");
    for &old in &order {
        let _ = write!(src, "{},", words.flags[old]);
    }
    src.push_str("];\npub(super) static EMOJI: &[(char, u16)] = &[");
    for (c, id) in &emoji_rows {
        let _ = write!(src, "({c:?}, {}),", new_id[*id as usize]);
    }
    src.push_str("];\n");

    // The patterns as written: per rule, its patterns, each a run of codes ended by PAT_END, then
    // RULE_END. A code is a word id (a one-word element), or WORD_COUNT + i for the i-th word set of
    // SETS; OPTIONAL marks it optional. Gaps and `(a b|c d)` groups have codes of their own.
    // Word sets (of two words or more): each its length, then its sorted ids as differences from
    // the one before; varints, so most take a byte.
    let mut sets: Vec<u8> = Vec::new();
    let mut set_index: BTreeMap<Vec<u16>, u32> = BTreeMap::new();
    let mut code: Vec<u32> = Vec::new();
    let mut symbol = |e: &Elem, code: &mut Vec<u32>| {
        let set = remap(&e.set);
        let sym = if let [w] = set[..] {
            u32::from(w)
        } else {
            let next = set_index.len() as u32;
            let i = *set_index.entry(set.clone()).or_insert_with(|| {
                varint(&mut sets, set.len() as u32);
                let mut prev = 0;
                for &w in &set {
                    varint(&mut sets, u32::from(w - prev));
                    prev = w;
                }
                next
            });
            nwords as u32 + i
        };
        if e.kind == 1 {
            code.push(CODE_OPTIONAL);
        }
        code.push(CODE_SYMBOL + sym);
    };
    let mut next = written.iter().peekable();
    for rule in 0..rules_out.len() {
        while let Some(w) = next.next_if(|w| w.rule == rule) {
            for t in &w.toks {
                match t {
                    WTok::Elem(e) if e.kind == 2 => {
                        code.push(if e.gap == GAP_SHORT { CODE_GAP_SHORT } else { CODE_GAP_LONG })
                    }
                    WTok::Elem(e) => symbol(e, &mut code),
                    WTok::Open => code.push(CODE_OPEN),
                    WTok::Alt => code.push(CODE_ALT),
                    WTok::Close => code.push(CODE_CLOSE),
                }
            }
            code.push(CODE_PAT_END);
        }
        code.push(CODE_RULE_END);
    }
    if nwords + set_index.len() >= 0x7ff0 {
        fail("data/screen", "too many words and word sets for the engine's 15-bit pattern codes");
    }
    let _ = writeln!(src, "/// Word sets of two words or more, as varints: length, then id differences.");
    let _ = writeln!(src, "pub(super) static SETS: &[u8] = {};", blob.part(sets));
    // The most used symbols get one-byte codes (CODE_SYMBOL + their index in HOT_SYMBOLS); the
    // others follow them (CODE_SYMBOL + HOT + symbol).
    let mut uses: BTreeMap<u32, usize> = BTreeMap::new();
    for &c in code.iter().filter(|&&c| c >= CODE_SYMBOL) {
        *uses.entry(c - CODE_SYMBOL).or_default() += 1;
    }
    let mut by_use: Vec<(usize, u32)> = uses.into_iter().map(|(s, n)| (n, s)).collect();
    by_use.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let hot: Vec<u32> = by_use.iter().take(HOT_SYMBOLS).map(|&(_, s)| s).collect();
    let mut bytes = Vec::new();
    for &c in &code {
        let c = match c.checked_sub(CODE_SYMBOL) {
            None => c,
            Some(s) => CODE_SYMBOL + hot.iter().position(|&h| h == s).map_or(HOT_SYMBOLS as u32 + s, |i| i as u32),
        };
        varint(&mut bytes, c);
    }
    let _ = writeln!(src, "/// The most used pattern symbols (see `tables::next_code`).");
    let _ = writeln!(src, "pub(super) static HOT_SYMBOLS: &[u16] = &{hot:?};");
    let _ = writeln!(src, "/// The patterns as written, as varint codes (see `tables::next_code`).");
    let _ = writeln!(src, "pub(super) static PATTERNS: &[u8] = {};", blob.part(bytes));
    let _ = writeln!(src, "/// Flags of words too common to anchor a pattern.\npub(super) const COMMON_FLAGS: u16 = {COMMON_FLAGS};");
    let _ = writeln!(src, "/// The first Spanish rule: rules before it are English.");
    let _ = writeln!(src, "pub(super) const FIRST_ES_RULE: usize = {first_es_rule};");
    // Rules: their ids as one string, five bytes each, and the concept masks of the few
    // co-occurrence rules apart (they would be mostly zeros). A concept has no past, hyperbole or
    // needs: its record holds its bit there instead (low byte, high byte), costing no bytes.
    let ids: Vec<&str> = rules_out.iter().map(|r| r.id.as_str()).collect();
    let mut defs: Vec<u8> = Vec::new();
    let mut cooc = String::new();
    for (i, r) in rules_out.iter().enumerate() {
        let [level, now, past, hyperbole] = r.levels;
        if r.kind == CONCEPT_KIND {
            let [low, high] = r.bit.to_le_bytes();
            defs.extend([r.kind, level | now << 4, low, r.flags, high]);
        } else {
            defs.extend([r.kind, level | now << 4, past | hyperbole << 4, r.flags, r.needs]);
        }
        let (all, any, unless) = r.concepts;
        if all != [0; CONCEPT_WORDS] {
            let set = |w: [u128; CONCEPT_WORDS]| format!("ConceptSet::new({w:?})");
            let _ = write!(cooc, "({i}, {}, {}, {}),", set(all), set(any), set(unless));
        }
    }
    let categories: Vec<String> = CATEGORIES.iter().map(|c| category_expr(c)).collect();
    let _ = writeln!(src, "pub(super) const CATEGORY_OF: [Category; {}] = [{}];", categories.len(), categories.join(", "));
    let _ = writeln!(src, "/// Every rule's id, one space between.");
    let _ = writeln!(
        src,
        "pub(super) static RULE_IDS: &str = match std::str::from_utf8({}) {{ Ok(s) => s, Err(_) => \"\" }};",
        blob.part(ids.join(" ").into_bytes())
    );
    let _ = writeln!(
        src,
        "/// Per rule: kind, level | now << 4, past | hyperbole << 4, flags, needs; a concept's: kind, level | now << 4, bit & 255, flags, bit >> 8 (see `tables::decode_rules`)."
    );
    let _ = writeln!(src, "pub(super) static RULE_DEFS: &[u8] = {};", blob.part(defs));
    let _ = writeln!(src, "/// Co-occurrence rules: (rule, all, any, unless) concept masks.");
    let _ = writeln!(src, "pub(super) static RULE_CONCEPTS: &[(u16, ConceptSet, ConceptSet, ConceptSet)] = &[{cooc}];");
    let _ = writeln!(src, "/// A concept's kind byte.\npub(super) const CONCEPT_KIND: u8 = {CONCEPT_KIND};");
    let _ = writeln!(src, "/// 128-bit words in a `ConceptSet`.\npub(super) const CONCEPT_WORDS: usize = {CONCEPT_WORDS};");
    let _ = writeln!(src, "/// Blocks of 64 co-occurrence rules a language has at most.\npub(super) const COOC_BLOCKS: usize = {COOC_BLOCKS};");
    let _ = writeln!(src, "/// The byte tables above, back to back: one run compresses better than scattered ones.");
    let _ = writeln!(src, "static TABLES: [u8; {}] = {:?};", blob.bytes.len(), blob.bytes);
    write_out("screen.rs", &src);

    let mut ex = String::from("// Generated by build/screen.rs: (rule index, positive?, text).\n");
    ex.push_str("pub static SCREEN_EXAMPLES: &[(usize, bool, &str)] = &[\n");
    for (r, p, t) in &examples {
        let _ = writeln!(ex, "    ({r}, {p}, {}),", lit(t));
    }
    ex.push_str("];\n");
    write_out("screen_examples.rs", &ex);
}

/// Compiles a rule's (or concept's) patterns into `pats` (expanded, for the build's checks) and
/// `written` (as written, groups kept: what ships).
#[allow(clippy::too_many_arguments)]
fn compile_patterns(
    file: &str,
    id: &str,
    patterns: &[String],
    classes: &BTreeMap<String, Vec<u16>>,
    words: &mut Words,
    (num, many): (u16, u16),
    rule_index: usize,
    pats: &mut Vec<Built>,
    written: &mut Vec<Written>,
) {
    let mut element = |p: &str, tok: &str| -> Elem {
        if tok == ".." || tok == "..." {
            let gap = if tok == ".." { GAP_SHORT } else { GAP_LONG };
            return Elem {
                kind: 2,
                set: Vec::new(),
                gap,
            };
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
        Elem {
            kind: optional as u8,
            set,
            gap: 0,
        }
    };
    for pattern in patterns {
        check_alternatives(file, id, pattern);
        let mut expanded = Vec::new();
        expand_groups(file, id, pattern, &mut expanded);
        let first = pats.len();
        for p in &expanded {
            let elems: Vec<Elem> = p.split_whitespace().map(|tok| element(p, tok)).collect();
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
            pats.push(Built { elems });
        }
        // The same pattern as written: text outside groups, then each group's phrases.
        let mut toks = Vec::new();
        let mut rest = pattern.as_str();
        while let Some(open) = rest.find('(') {
            toks.extend(rest[..open].split_whitespace().map(|t| WTok::Elem(element(pattern, t))));
            let close = rest[open..].find(')').map_or(rest.len(), |c| open + c);
            toks.push(WTok::Open);
            for (i, phrase) in rest[open + 1..close].split('|').enumerate() {
                if i > 0 {
                    toks.push(WTok::Alt);
                }
                toks.extend(phrase.split_whitespace().map(|t| WTok::Elem(element(pattern, t))));
            }
            toks.push(WTok::Close);
            rest = rest.get(close + 1..).unwrap_or("");
        }
        toks.extend(rest.split_whitespace().map(|t| WTok::Elem(element(pattern, t))));
        // The engine expands the written form itself: it must give exactly the build's expansion.
        let again = expand_written(&toks);
        if again.len() != pats.len() - first || again.iter().zip(&pats[first..]).any(|(a, b)| *a != b.elems) {
            fail(file, format!("rule {id}: pattern `{pattern}` does not expand as written"));
        }
        written.push(Written { rule: rule_index, toks });
    }
}

/// Expands a written pattern the way src/screen/tables.rs does: every combination of its groups'
/// phrases, the last group varying fastest.
fn expand_written(toks: &[WTok]) -> Vec<Vec<Elem>> {
    let mut out: Vec<Vec<Elem>> = vec![Vec::new()];
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            WTok::Elem(e) => {
                for o in &mut out {
                    o.push(e.clone());
                }
                i += 1;
            }
            WTok::Open => {
                let mut phrases: Vec<Vec<Elem>> = vec![Vec::new()];
                i += 1;
                loop {
                    match toks.get(i) {
                        Some(WTok::Elem(e)) => phrases.last_mut().unwrap().push(e.clone()),
                        Some(WTok::Alt) => phrases.push(Vec::new()),
                        _ => break,
                    }
                    i += 1;
                }
                i += 1;
                out = out
                    .iter()
                    .flat_map(|o| phrases.iter().map(move |ph| o.iter().chain(ph).cloned().collect()))
                    .collect();
            }
            _ => i += 1,
        }
    }
    out
}

/// The generated byte tables, kept in one static so they sit together in the wasm.
#[derive(Default)]
struct Blob {
    bytes: Vec<u8>,
}

impl Blob {
    /// Appends `part` and returns the Rust expression for its slice of TABLES.
    fn part(&mut self, part: Vec<u8>) -> String {
        let (a, b) = (self.bytes.len(), self.bytes.len() + part.len());
        self.bytes.extend(part);
        format!("TABLES.split_at({b}).0.split_at({a}).1")
    }
}

/// Appends `v` as a LEB128 varint (7 bits a byte, low bits first).
fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
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
