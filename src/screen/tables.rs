//! The matcher's indexes, built once at first use from the shipped lexicon (see lexicon.rs).
//!
//! The wasm ships only the canonical tables: the sorted word list, word sets and the patterns as
//! written. Everything here is a pure function of them (the word hash table, every expansion of
//! `(a b|c d)` groups, the first-word and word-pair indexes, the anchor masks and groups, the
//! co-occurrence rules by concept), so it costs time at the first screening (about 1 ms native)
//! instead of download bytes (about 140 KB gzip).

use super::lexicon::{
    rule_lang, Candidate, ConceptSet, Elem, Kind, Pat, RuleDef, ALIASES, ALIAS_IDS, CATEGORY_OF, COMMON_FLAGS,
    CONCEPT_KIND, COOC_BLOCKS, FIRST_ES_RULE, HOT_SYMBOLS, NOT_COOC, PATTERNS, RULE_CONCEPTS,
    RULE_DEFS, RULE_IDS, SETS, WORDS, WORD_FLAGS,
};
use super::normalize::NO_WORD;
use crate::Level;
use std::sync::OnceLock;

// Pattern codes, as decoded: a word id, or word count + i for the i-th word set, OR-ed with
// OPTIONAL when optional; then gaps, groups and ends. (Shipped as varints: see `next_code`.)
const OPTIONAL: u16 = 0x8000;
const GAP_SHORT: u16 = 0x7ff0;
const GAP_LONG: u16 = 0x7ff1;
const OPEN: u16 = 0x7ff2;
const ALT: u16 = 0x7ff3;
const CLOSE: u16 = 0x7ff4;
const PAT_END: u16 = 0x7ff5;
const RULE_END: u16 = 0x7ff6;
/// The shipped codes below this are, in order, the codes from GAP_SHORT to RULE_END and OPTIONAL.
const SYMBOL: u32 = 8;

/// The longest gaps `..` and `...` skip.
const SHORT: u32 = 2;
const LONG: u32 = 4;

/// One word of the hash table: `Tables::words` or ALIASES (`alias`) at `offset..offset + len`,
/// and its id.
#[derive(Clone, Copy, Default)]
pub(super) struct Slot {
    pub offset: u32,
    pub len: u8,
    pub alias: bool,
    /// Word id + 1; 0 is an empty slot.
    pub id: u16,
}

impl Slot {
    /// The spelling this slot holds (`words`: `Tables::words`).
    pub fn text<'a>(&self, words: &'a [u8]) -> &'a [u8] {
        let from = if self.alias { ALIASES.as_bytes() } else { words };
        let (a, b) = (self.offset as usize, self.offset as usize + self.len as usize);
        from.get(a..b).unwrap_or(&[])
    }
}

pub(super) struct Tables {
    /// Every word, sorted (the index is the word id), one space between.
    pub words: Vec<u8>,
    /// Open-addressing table (FNV-1a, linear probing), at most half full.
    pub slots: Vec<Slot>,
    /// The spellings of `slots` up to eight bytes, as little-endian words (zeros after the
    /// spelling; 0: an empty slot), and their ids: `short_word`'s open-addressing table.
    pub short_keys: Vec<u64>,
    pub short_ids: Vec<u16>,
    /// SETS, then every word id once (the one-word sets).
    pub sets: Vec<u16>,
    pub elems: Vec<Elem>,
    /// Every expansion of every pattern, in rule order.
    pub pats: Vec<Pat>,
    /// Patterns by first word: `first_pats[first_start[w]..first_start[w + 1]]`, sorted by
    /// anchor bit; only those whose second element is not a plain word set (optional, a gap, or
    /// none): the others are by word pair.
    pub first_start: Vec<u32>,
    pub first_pats: Vec<Candidate>,
    /// Patterns whose second element is a plain word set, by (first word, second word), in
    /// pattern order: the k-th pair of the table has `pair_pats[pair_end[k - 1]..pair_end[k]]`,
    /// and `pair_slots` finds k: open addressing over `first << 16 | second`, each slot that key
    /// above 32 bits and k below (`EMPTY_PAIR`: none). Most candidates of a first word fail on
    /// the next word; these are never visited. (A sorted list of second words per first word,
    /// searched, took a tenth of a long text's time; this table is half a megabyte.)
    pub pair_slots: Vec<u64>,
    pub pair_end: Vec<u32>,
    pub pair_pats: Vec<Candidate>,
    /// Per first word: bit `second % 64` of every pair it begins (most words are asked about
    /// pairs that are not there).
    pub pair_seconds: Vec<u64>,
    /// Lists longer than LONG_LIST (common first words) are read by anchor bit: per such word
    /// (`runs_of[w]`, 1-based; 0 for a short list), where each bit's run begins in its list, 65
    /// offsets a word (`bit_runs[65 * (k - 1)..][..65]`, the last the list's length).
    pub runs_of: Vec<u16>,
    pub bit_runs: Vec<u16>,
    /// Per word id: the anchor bits of the sets it is in.
    pub word_mask: Vec<u64>,
    /// Per word id: the groups of the anchor sets it is in,
    /// `word_groups[word_groups_start[w]..word_groups_start[w + 1]]`.
    pub word_groups_start: Vec<u32>,
    pub word_groups: Vec<u16>,
    /// How many groups there are.
    pub groups: usize,
    pub rules: Vec<RuleDef>,
}

impl Tables {
    /// The anchor bits of `word` (see `matcher::find`, which reads them per token with the
    /// tables at hand).
    pub fn anchor_mask(&self, word: u16) -> u64 {
        self.word_mask.get(word as usize).copied().unwrap_or(0)
    }

    /// Whether `word` is in element `e`'s word set.
    pub fn in_set(&self, e: &Elem, word: u16) -> bool {
        let start = e.start();
        self.sets.get(start..start + e.len()).is_some_and(|s| s.binary_search(&word).is_ok())
    }

    /// Patterns whose first element holds `word` and whose second is not a plain word set (those
    /// go by word pair: `pair_patterns`), sorted by anchor bit.
    pub fn patterns_from(&self, word: u16) -> &[Candidate] {
        let w = word as usize;
        match (self.first_start.get(w), self.first_start.get(w + 1)) {
            (Some(&a), Some(&b)) => self.first_pats.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// For a long `patterns_from(word)` list, where the run of each anchor bit begins (65
    /// offsets, the last the list's length); None for a list short enough to scan.
    pub fn bit_runs(&self, word: u16) -> Option<&[u16]> {
        let k = usize::from(*self.runs_of.get(usize::from(word))?).checked_sub(1)?;
        self.bit_runs.get(65 * k..65 * k + 65)
    }

    /// Pattern `i` and its elements (`elems[start..start + len]`).
    pub fn pattern(&self, i: u32) -> Option<(&Pat, &[Elem])> {
        let p = self.pats.get(i as usize)?;
        let s = p.start as usize;
        Some((p, self.elems.get(s..s + p.len as usize)?))
    }

    /// The patterns whose first element holds `first` and whose second is a plain word set that
    /// holds `second`, in pattern order.
    pub fn pair_patterns(&self, first: u16, second: u16) -> &[Candidate] {
        if self.pair_seconds.get(usize::from(first)).is_none_or(|&m| m >> (second & 63) & 1 == 0) {
            return &[];
        }
        let t = self;
        let key = u64::from(first) << 16 | u64::from(second);
        let mask = t.pair_slots.len().wrapping_sub(1);
        let mut h = pair_hash(key) & mask;
        let k = loop {
            match t.pair_slots.get(h) {
                Some(&slot) if slot >> 32 == key => break (slot & 0xffff_ffff) as usize,
                Some(&slot) if slot != EMPTY_PAIR => h = (h + 1) & mask,
                _ => return &[],
            }
        };
        let from = k.checked_sub(1).and_then(|k| t.pair_end.get(k)).copied().unwrap_or(0);
        let to = t.pair_end.get(k).copied().unwrap_or(from);
        t.pair_pats.get(from as usize..to as usize).unwrap_or(&[])
    }
}

/// A free slot of `pair_slots` (no pair has this key: word ids are below `u16::MAX`).
const EMPTY_PAIR: u64 = u64::MAX;

/// Where a pair's key starts probing `pair_slots` (Fibonacci hashing, before the mask).
fn pair_hash(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize
}

pub(super) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

/// One language's co-occurrence rules, indexed so that a window visits only the rules it could
/// meet (there are hundreds; a window of a long text holds a few concepts).
struct Cooc {
    /// Per concept, the rules whose lowest `all` concept it is, in rule order:
    /// `rules[start[c]..start[c + 1]]`. A window's few concepts find their few rules directly:
    /// a bitmask of rules a block of 64, OR-ed per concept and then scanned block by block, took
    /// a long text's windows longer than the rules they found (nearly always none).
    start: Vec<u32>,
    rules: Vec<CoocRule>,
}

/// A co-occurrence rule as `Cooc` lists it under its lowest concept.
struct CoocRule {
    index: u16,
    /// Its next `all` concept (the lowest again when it has one): most windows lack it, and
    /// testing one bit is cheaper than testing the whole set.
    second: u16,
    all: ConceptSet,
}

/// Per language, the concepts some `adjacent` co-occurrence rule names: a window reaches past a
/// long sentence only where both sentences hold one of them (most text holds none).
pub(super) fn adjacent_concepts() -> &'static [ConceptSet; 2] {
    static SETS: OnceLock<[ConceptSet; 2]> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut sets = [ConceptSet::EMPTY; 2];
        for (i, r) in tables().rules.iter().enumerate() {
            if let (true, Some(set)) = (r.adjacent, sets.get_mut(rule_lang(i as u16))) {
                *set = *set | r.all() | r.any();
            }
        }
        sets
    })
}

fn cooc() -> &'static [Cooc; 2] {
    static COOC: OnceLock<[Cooc; 2]> = OnceLock::new();
    COOC.get_or_init(|| {
        // Per language: the co-occurrence rules (those with `all`) with their lowest concept, in
        // rule order, and how many concepts it has.
        let mut langs: [(Vec<(usize, CoocRule)>, usize); 2] = Default::default();
        for (i, r) in tables().rules.iter().enumerate() {
            let Some((rules, concepts_of)) = langs.get_mut(rule_lang(i as u16)) else { continue };
            if let Kind::Concept(bit) = r.kind {
                *concepts_of = (*concepts_of).max(usize::from(bit) + 1);
            }
            let mut all = concepts(r.all());
            if let Some(bit) = all.next() {
                let second = all.next().unwrap_or(bit);
                rules.push((usize::from(bit), CoocRule { index: i as u16, second, all: r.all() }));
            }
        }
        langs.map(|(mut rules, concepts_of)| {
            // (The build allows at most COOC_BLOCKS * 64 a language.)
            rules.truncate(COOC_BLOCKS * 64);
            // By lowest concept, stably: rule order within each (a rule's concepts are its
            // language's, so below `concepts_of`).
            rules.sort_by_key(|&(bit, ..)| bit);
            let mut start = vec![0u32; concepts_of + 1];
            for &(bit, ..) in &rules {
                if let Some(n) = start.get_mut(bit + 1) {
                    *n += 1;
                }
            }
            for c in 1..start.len() {
                start[c] += start[c - 1];
            }
            Cooc { start, rules: rules.into_iter().map(|(_, r)| r).collect() }
        })
    })
}

/// The concepts of `set`, lowest first.
fn concepts(set: ConceptSet) -> impl Iterator<Item = u16> {
    set.words().into_iter().enumerate().flat_map(|(i, mut word)| {
        std::iter::from_fn(move || {
            (word != 0).then(|| {
                let bit = word.trailing_zeros();
                word &= word - 1;
                (i * 128) as u16 + bit as u16
            })
        })
    })
}

/// Writes to `out` the co-occurrence rules (their indexes, in rule order) whose `all` concepts are
/// all in `held` (per language): the only ones that can meet in a window holding no other concepts.
pub(super) fn cooc_candidates(held: &[ConceptSet; 2], out: &mut Vec<u16>) {
    out.clear();
    for (lang, held) in cooc().iter().zip(held) {
        for bit in concepts(*held) {
            let b = usize::from(bit);
            // (A bit past the language's concepts finds nothing.)
            let (Some(&from), Some(&to)) = (lang.start.get(b), lang.start.get(b + 1)) else { continue };
            for r in lang.rules.get(from as usize..to as usize).unwrap_or_default() {
                if held.has(r.second) && held.holds(r.all) {
                    out.push(r.index);
                }
            }
        }
    }
    // Found by lowest concept: back to rule order (there are seldom more than one or two).
    super::sort_by_key(out, |&i| i);
}

/// FNV-1a, the word hash.
pub(super) fn fnv1a(bytes: &[u8]) -> u32 {
    fnv1a_from(0x811c_9dc5, bytes)
}

/// FNV-1a continued from `h` (the hash of what came before): word pairs hash as one string.
pub(super) fn fnv1a_from(h: u32, bytes: &[u8]) -> u32 {
    bytes.iter().fold(h, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn build() -> Tables {
    let words = WORD_FLAGS.len();
    let (mut sets, spans) = decode_sets();
    let singles = sets.len();
    sets.extend(0..words as u16);
    let text = decode_words();
    // Per word set (the shipped ones, then the one-word sets): its cost as an anchor (see
    // `Anchors::add`), its anchor group and the anchor bits already given to its words.
    let common = |w: u16| WORD_FLAGS.get(w as usize).is_some_and(|f| f & COMMON_FLAGS != 0);
    let cost = |ids: &[u16]| ids.iter().map(|&w| if common(w) { 100 } else { 1 }).sum::<u32>();
    let mut set_of = Vec::with_capacity(spans.len() + words);
    for &(start, len) in &spans {
        set_of.push(SetInfo::new(cost(sets.get(start..start + len).unwrap_or(&[]))));
    }
    for w in 0..words {
        set_of.push(SetInfo::new(cost(&[w as u16])));
    }
    let slots = word_table(&text);
    let (short_keys, short_ids) = short_words(&slots, &text);
    let mut t = Tables {
        short_keys,
        short_ids,
        slots,
        words: text,
        sets,
        elems: Vec::with_capacity(PATTERNS.len() * 2 / 3),
        pats: Vec::with_capacity(PATTERNS.len() / 4),
        first_start: Vec::new(),
        first_pats: Vec::new(),
        pair_slots: Vec::new(),
        pair_end: Vec::new(),
        pair_pats: Vec::new(),
        pair_seconds: vec![0; words],
        runs_of: Vec::new(),
        bit_runs: Vec::new(),
        word_mask: vec![0; words],
        word_groups_start: Vec::new(),
        word_groups: Vec::new(),
        groups: 0,
        rules: decode_rules(),
    };
    // A code's element and its word set (an index of `set_of`; none for a gap).
    let elem = |code: u16| -> (Elem, usize) {
        let kind = u32::from(code & OPTIONAL != 0);
        let set = match code & !OPTIONAL {
            GAP_SHORT => return (Elem::gap(SHORT), usize::MAX),
            GAP_LONG => return (Elem::gap(LONG), usize::MAX),
            w if (w as usize) < words => spans.len() + w as usize,
            s => s as usize - words,
        };
        let (start, len) = match set.checked_sub(spans.len()) {
            Some(w) => (singles + w, 1),
            None => spans.get(set).copied().unwrap_or((0, 0)),
        };
        (Elem::set(kind, start as u32, len as u32), set)
    };
    let mut anchors = Anchors {
        sets: set_of,
        groups: 0,
        entries: Vec::with_capacity(PATTERNS.len() / 4),
        word_groups: Vec::new(),
    };
    let mut rule = 0usize;
    let mut at = 0usize;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut choice: Vec<usize> = Vec::new();
    let mut phrase: Vec<(Elem, usize)> = Vec::new();
    // The groups' phrases, decoded once: their elements back to back, and each phrase's range.
    let mut decoded: Vec<(Elem, usize)> = Vec::new();
    let mut phrases: Vec<(usize, usize)> = Vec::new();
    while at < PATTERNS.len() {
        // One written pattern: its plain elements and groups.
        pieces.clear();
        decoded.clear();
        phrases.clear();
        loop {
            match next_code(&mut at) {
                None | Some(PAT_END) => break,
                Some(RULE_END) => {
                    rule += 1;
                    if pieces.is_empty() {
                        continue;
                    }
                    break;
                }
                Some(OPEN) => {
                    let (first, mut from) = (phrases.len(), decoded.len());
                    loop {
                        match next_code(&mut at) {
                            None | Some(CLOSE) => break,
                            Some(ALT) => {
                                phrases.push((from, decoded.len()));
                                from = decoded.len();
                            }
                            Some(c) => decoded.push(elem(c)),
                        }
                    }
                    phrases.push((from, decoded.len()));
                    pieces.push(Piece::Group(first, phrases.len() - first - 1));
                }
                Some(c) => pieces.push(Piece::Elem(elem(c))),
            }
        }
        if pieces.is_empty() {
            continue;
        }
        // Every combination of the groups' phrases, the last group varying fastest.
        choice.clear();
        choice.resize(pieces.len(), 0);
        loop {
            phrase.clear();
            for (p, &k) in pieces.iter().zip(&choice) {
                match *p {
                    Piece::Elem(e) => phrase.push(e),
                    Piece::Group(first, _) => {
                        let (a, b) = phrases.get(first + k).copied().unwrap_or((0, 0));
                        phrase.extend_from_slice(decoded.get(a..b).unwrap_or(&[]));
                    }
                }
            }
            anchors.add(&mut t, rule, &phrase);
            // Next combination: bump the last group that has another phrase, reset the ones after.
            let Some(g) = (0..pieces.len())
                .rev()
                .find(|&g| matches!(pieces[g], Piece::Group(_, alts) if choice[g] < alts))
            else {
                break;
            };
            choice[g] += 1;
            for c in &mut choice[g + 1..] {
                *c = 0;
            }
        }
    }
    // By first word (in pattern order), then each word's list sorted by anchor bit, stably: the
    // matcher goes straight to a sentence's bits. Those with a plain second word set go by pair.
    let mut starts: Vec<u32> = vec![0; words + 1];
    for p in &t.pats {
        if second_words(&t, p).is_some() {
            continue;
        }
        for &w in first_words(&t, p) {
            if let Some(n) = starts.get_mut(w as usize) {
                *n += 1;
            }
        }
    }
    // Starts, shifted: starts[w] is where word w's list begins, used as a cursor below.
    let mut sum = 0;
    for n in &mut starts {
        (*n, sum) = (sum, sum + *n);
    }
    let mut first_pats = vec![Candidate::new(0, 0, 0, 0, 0); sum as usize];
    let mut pairs: Vec<(u32, Candidate)> = Vec::new();
    for (index, (p, &(langs, bit, group))) in t.pats.iter().zip(&anchors.entries).enumerate() {
        let entry = Candidate::new(index as u32, langs, bit, follow(&t, p), group);
        if let Some(second) = second_words(&t, p) {
            for &w in first_words(&t, p) {
                pairs.extend(second.iter().map(|&v| (u32::from(w) << 16 | u32::from(v), entry)));
            }
            continue;
        }
        for &w in first_words(&t, p) {
            if let Some(cursor) = starts.get_mut(w as usize) {
                if let Some(slot) = first_pats.get_mut(*cursor as usize) {
                    *slot = entry;
                }
                *cursor += 1;
            }
        }
    }
    // The cursors stopped at each list's end, the next list's start: shift them back.
    starts.copy_within(0..words, 1);
    starts[0] = 0;
    t.first_pats = first_pats;
    t.first_start = starts;
    // The pairs, by pair (then in pattern order), and where each pair's patterns end.
    let pairs = sort_pairs(pairs, words);
    let distinct = pairs.windows(2).filter(|w| w[0].0 != w[1].0).count() + 1;
    t.pair_slots = vec![EMPTY_PAIR; (distinct * 2).next_power_of_two()];
    let mask = t.pair_slots.len() - 1;
    let mut from = 0;
    while let Some(&(key, _)) = pairs.get(from) {
        let to = from + pairs[from..].iter().take_while(|&&(k, _)| k == key).count();
        let (first, second) = ((key >> 16) as usize, key as u16);
        if let Some(m) = t.pair_seconds.get_mut(first) {
            *m |= 1 << (second & 63);
        }
        let mut h = pair_hash(u64::from(key)) & mask;
        while t.pair_slots[h] != EMPTY_PAIR {
            h = (h + 1) & mask;
        }
        t.pair_slots[h] = u64::from(key) << 32 | t.pair_end.len() as u64;
        t.pair_end.push(to as u32);
        from = to;
    }
    t.pair_pats = pairs.iter().map(|&(_, c)| c).collect();
    // Each word's anchor groups, by word.
    t.groups = usize::from(anchors.groups);
    let mut starts = vec![0u32; words + 2];
    for &(w, _) in &anchors.word_groups {
        if let Some(n) = starts.get_mut(usize::from(w) + 2) {
            *n += 1;
        }
    }
    for w in 2..starts.len() {
        starts[w] += starts[w - 1];
    }
    // starts[w + 1] is where word w's groups begin, used as a cursor: it ends where they end.
    t.word_groups = vec![0; anchors.word_groups.len()];
    for &(w, g) in &anchors.word_groups {
        if let Some(cursor) = starts.get_mut(usize::from(w) + 1) {
            if let Some(slot) = t.word_groups.get_mut(*cursor as usize) {
                *slot = g;
            }
            *cursor += 1;
        }
    }
    starts.pop();
    t.word_groups_start = starts;
    drop(anchors);
    let mut scratch = Vec::new();
    t.runs_of = vec![0; words];
    for (w, ends) in t.first_start.windows(2).enumerate() {
        if let Some(list) = t.first_pats.get_mut(ends[0] as usize..ends[1] as usize) {
            sort_by_bit(list, &mut scratch);
            if list.len() > LONG_LIST {
                t.bit_runs.extend((0..=64).map(|b| list.partition_point(|c| c.bit() < b) as u16));
                t.runs_of[w] = (t.bit_runs.len() / 65) as u16;
            }
        }
    }
    t
}

/// First-word lists up to this long are scanned whole; longer ones are read by anchor bit.
pub(super) const LONG_LIST: usize = 24;

/// The words that can begin pattern `p` (its first element's set).
fn first_words<'a>(t: &'a Tables, p: &Pat) -> &'a [u16] {
    let e = t.elems.get(p.start as usize).map_or(Elem::gap(0), |&e| e);
    t.sets.get(e.start()..e.start() + e.len()).unwrap_or(&[])
}

/// `pairs` (in pattern order) sorted by pair, stably: counting sorts by the second word, then
/// the first.
fn sort_pairs(pairs: Vec<(u32, Candidate)>, words: usize) -> Vec<(u32, Candidate)> {
    let mut to = pairs.clone();
    counting_sort(&pairs, &mut to, words, |&(key, _)| (key & 0xffff) as usize);
    let mut back = pairs;
    counting_sort(&to, &mut back, words, |&(key, _)| (key >> 16) as usize);
    back
}

/// `from` into `to` (as long), by `key` (below `keys`), stably.
fn counting_sort<T: Copy>(from: &[T], to: &mut [T], keys: usize, key: impl Fn(&T) -> usize) {
    let mut at = vec![0usize; keys + 1];
    for x in from {
        if let Some(n) = at.get_mut(key(x) + 1) {
            *n += 1;
        }
    }
    for k in 1..at.len() {
        at[k] += at[k - 1];
    }
    for x in from {
        if let Some(cursor) = at.get_mut(key(x)) {
            if let Some(slot) = to.get_mut(*cursor) {
                *slot = *x;
            }
            *cursor += 1;
        }
    }
}

/// The words of pattern `p`'s second element when it is a plain word set (not optional, not a gap).
fn second_words<'a>(t: &'a Tables, p: &Pat) -> Option<&'a [u16]> {
    match t.elems.get(p.start as usize + 1) {
        Some(e) if p.len > 1 && e.kind() == 0 => t.sets.get(e.start()..e.start() + e.len()),
        _ => None,
    }
}

/// The `follow` bits of pattern `p` (see `Candidate`): its second element's words, or every bit.
fn follow(t: &Tables, p: &Pat) -> u16 {
    match t.elems.get(p.start as usize + 1) {
        Some(e) if p.len > 1 && e.kind() == 0 => Candidate::follow_bits(t.sets.get(e.start()..e.start() + e.len()).unwrap_or(&[])),
        _ => u16::MAX,
    }
}

/// Sorts first-word entries by anchor bit, keeping the pattern order of equal bits.
fn sort_by_bit(list: &mut [Candidate], scratch: &mut Vec<Candidate>) {
    if list.len() <= 16 {
        // Insertion sort: most lists are a few entries.
        for i in 1..list.len() {
            let mut j = i;
            while j > 0 && list[j - 1].bit() > list[j].bit() {
                list.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut at = [0u32; 65];
    for &e in list.iter() {
        at[e.bit() as usize + 1] += 1;
    }
    for b in 0..64 {
        at[b + 1] += at[b];
    }
    scratch.clear();
    scratch.extend_from_slice(list);
    for &e in list.iter() {
        let b = &mut at[e.bit() as usize];
        if let Some(s) = scratch.get_mut(*b as usize) {
            *s = e;
        }
        *b += 1;
    }
    list.copy_from_slice(scratch);
}

/// A word set's cost as an anchor, its anchor group (once it has
/// anchored a pattern) and the anchor bits its words already have.
#[derive(Clone, Copy)]
struct SetInfo {
    cost: u32,
    /// Anchor group + 1 (0: none yet).
    group: u16,
    /// Whether its words have its group's bit, and bit 63.
    has_group_bit: bool,
    has_first_bit: bool,
}

impl SetInfo {
    fn new(cost: u32) -> SetInfo {
        SetInfo {
            cost,
            group: 0,
            has_group_bit: false,
            has_first_bit: false,
        }
    }
}

/// A piece of a written pattern: one element (and its set), or a group (its first phrase's index
/// in the decoded phrases, and how many more it has).
#[derive(Clone, Copy)]
enum Piece {
    Elem((Elem, usize)),
    Group(usize, usize),
}

/// The next code of PATTERNS from byte `at` (an OPTIONAL prefix folded into its symbol).
fn next_code(at: &mut usize) -> Option<u16> {
    let mut optional = 0;
    loop {
        let (mut v, mut shift) = (0u32, 0);
        loop {
            let b = *PATTERNS.get(*at)?;
            *at += 1;
            v |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 || shift > 28 {
                break;
            }
        }
        match v {
            7 => optional = OPTIONAL,
            c if c < SYMBOL => return Some(GAP_SHORT + c as u16),
            s => {
                let s = (s - SYMBOL) as usize;
                let sym = HOT_SYMBOLS.get(s).copied().unwrap_or(s.wrapping_sub(HOT_SYMBOLS.len()) as u16);
                return Some(sym | optional);
            }
        }
    }
}

/// Gives each expanded pattern its anchor bit and first-word entry.
struct Anchors {
    sets: Vec<SetInfo>,
    groups: u16,
    /// Per pattern: its language bits, anchor bit and anchor set's group (1-based; 0 when
    /// anchored on its first word, which the first-word index already checks). The bits are
    /// shared; a group is exact.
    entries: Vec<(u32, u32, u16)>,
    /// (word, group) for every word of every anchor set.
    word_groups: Vec<(u16, u16)>,
}

impl Anchors {
    /// Adds one expanded pattern: its elements, its anchor bit and its first-word entries.
    ///
    /// The anchor is the pattern's cheapest required word set (function words cost much more; the
    /// later set on a tie, since first words tend to be common). Each distinct anchor set gets a
    /// bit of a 64-bit mask (shared modulo 63); a word's mask holds the bits of the sets it is in,
    /// and a pattern is tried only in a sentence whose words' masks hold its anchor's bit: a
    /// cheap, sometimes too generous filter (the match itself is exact). A pattern anchored on its
    /// first word needs no filter, the word index already is one: those take bit 63.
    fn add(&mut self, t: &mut Tables, rule: usize, elems: &[(Elem, usize)]) {
        let cost = |s: usize| self.sets.get(s).map_or(u32::MAX, |s| s.cost);
        let mut anchor: Option<(usize, usize)> = None;
        for (i, &(e, s)) in elems.iter().enumerate() {
            if e.kind() != 0 {
                continue;
            }
            anchor = match anchor {
                Some((j, b)) if cost(b) < cost(s) => Some((j, b)),
                _ => Some((i, s)),
            };
        }
        let (Some((at, anchor)), Some(&(first, first_set))) = (anchor, elems.first()) else { return };
        let owner_elem = if at == 0 { first } else { elems.get(at).map_or(first, |&(e, _)| e) };
        let (owner, bit, group) = if at == 0 {
            (first_set, 63, 0)
        } else {
            let Some(info) = self.sets.get_mut(anchor) else { return };
            if info.group == 0 {
                self.groups += 1;
                info.group = self.groups;
            }
            (anchor, u32::from(info.group - 1) % 63, info.group)
        };
        if let Some(info) = self.sets.get_mut(owner) {
            let done = if at == 0 { &mut info.has_first_bit } else { &mut info.has_group_bit };
            if !*done {
                *done = true;
                let (a, b) = (owner_elem.start(), owner_elem.start() + owner_elem.len());
                for &w in t.sets.get(a..b).unwrap_or(&[]) {
                    if let Some(m) = t.word_mask.get_mut(w as usize) {
                        *m |= 1 << bit;
                    }
                    if group != 0 {
                        self.word_groups.push((w, group));
                    }
                }
            }
        }
        let lang = if rule < FIRST_ES_RULE { 1 } else { 2 };
        self.entries.push((lang, bit, group));
        t.pats.push(Pat {
            rule: rule as u16,
            start: t.elems.len() as u32,
            len: elems.len() as u8,
        });
        t.elems.extend(elems.iter().map(|&(e, _)| e));
    }
}

/// The word hash table over WORDS (exact words: no `#pseudo` words, no `stem*` prefixes) and
/// ALIASES. Aliases go in first: an alias spelled like a word stands for its target.
fn word_table(words: &[u8]) -> Vec<Slot> {
    let exact = |w: &&[u8]| !w.starts_with(b"#") && !w.ends_with(b"*");
    let count = ALIAS_IDS.len() + words.split(|&b| b == b' ').filter(exact).count();
    let size = (count * 2).next_power_of_two().max(16);
    let mut slots = vec![Slot::default(); size];
    let mut insert = |alias: bool, offset: usize, word: &[u8], id: u16| {
        let mut h = fnv1a(word) as usize & (size - 1);
        while slots[h].id != 0 {
            if slots[h].text(words) == word {
                return;
            }
            h = (h + 1) & (size - 1);
        }
        slots[h] = Slot {
            offset: offset as u32,
            len: word.len() as u8,
            alias,
            id: id + 1,
        };
    };
    let mut at = 0;
    for (a, &id) in ALIASES.as_bytes().split(|&b| b == b' ').zip(ALIAS_IDS) {
        insert(true, at, a, id);
        at += a.len() + 1;
    }
    at = 0;
    for (id, w) in words.split(|&b| b == b' ').enumerate() {
        if exact(&w) {
            insert(false, at, w, id as u16);
        }
        at += w.len() + 1;
    }
    slots
}

/// Up to eight bytes as a little-endian word, zeros after them.
fn short_key(bytes: &[u8]) -> u64 {
    bytes.iter().take(8).rev().fold(0, |k, &b| k << 8 | u64::from(b))
}

fn short_hash(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

/// `short_keys` and `short_ids`: every spelling of the word table up to eight bytes, with its id.
fn short_words(slots: &[Slot], words: &[u8]) -> (Vec<u64>, Vec<u16>) {
    let short = |s: &&Slot| s.id != 0 && (1..=8).contains(&s.len);
    let size = (slots.iter().filter(short).count() * 2).next_power_of_two().max(16);
    let (mut keys, mut ids) = (vec![0u64; size], vec![0u16; size]);
    for s in slots.iter().filter(short) {
        let key = short_key(s.text(words));
        let mut h = short_hash(key) & (size - 1);
        while keys[h] != 0 {
            h = (h + 1) & (size - 1);
        }
        (keys[h], ids[h]) = (key, s.id - 1);
    }
    (keys, ids)
}

/// The id of the word whose spelling (of one to eight bytes) is `key` (see `short_key`), as
/// `lexicon::lookup` finds it in the word table; NO_WORD when it is not there (`lookup` would
/// then try the prefixes).
pub(super) fn short_word(key: u64) -> u16 {
    let t = tables();
    let mask = t.short_keys.len().wrapping_sub(1);
    let mut h = short_hash(key) & mask;
    // At most half full: an empty slot always ends the probe.
    for _ in 0..t.short_keys.len() {
        match t.short_keys.get(h) {
            Some(&k) if k == key => return t.short_ids.get(h).copied().unwrap_or(NO_WORD),
            Some(&k) if k != 0 => h = (h + 1) & mask,
            _ => break,
        }
    }
    NO_WORD
}

/// LEB128 varints (7 bits a byte, low bits first).
fn varints(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (mut v, mut shift) = (0u32, 0);
        loop {
            let b = *bytes.get(at)?;
            at += 1;
            v |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 || shift > 28 {
                return Some(v);
            }
        }
    })
}

/// WORDS is front-coded: each word is the number of bytes it shares with the one before (a byte
/// below any letter a word has), then the rest of it.
fn decode_words() -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(WORDS.len() * 3);
    let (mut last, mut rest) = (0, WORDS);
    while let Some((&shared, tail)) = rest.split_first() {
        let (own, next) = tail.split_at(tail.iter().position(|&b| b < b' ').unwrap_or(tail.len()));
        if !out.is_empty() {
            out.push(b' ');
        }
        let start = out.len();
        out.extend_from_within(last..(last + usize::from(shared)).min(start));
        out.extend_from_slice(own);
        (last, rest) = (start, next);
    }
    out
}

/// SETS: each set's length, then its sorted ids as differences. Returns the ids back to back and
/// each set's (start, length).
fn decode_sets() -> (Vec<u16>, Vec<(usize, usize)>) {
    // Each id takes a byte or more, and the one-word sets follow: no regrowing.
    let mut ids = Vec::with_capacity(SETS.len() + WORD_FLAGS.len());
    let mut spans = Vec::with_capacity(SETS.len() / 3);
    let mut v = varints(SETS);
    while let Some(len) = v.next() {
        let start = ids.len();
        let mut w = 0u32;
        for d in v.by_ref().take(len as usize) {
            w += d;
            ids.push(w as u16);
        }
        spans.push((start, ids.len() - start));
    }
    (ids, spans)
}

/// RULE_DEFS: five bytes a rule (kind, level | now << 4, past | hyperbole << 4, flags, needs; a
/// concept, which has no past, hyperbole or needs, holds its bit there: low byte, high byte),
/// the ids from RULE_IDS and the co-occurrence masks from RULE_CONCEPTS.
fn decode_rules() -> Vec<RuleDef> {
    // Levels are stored + 1, 0 for none.
    let level = |code: u8| Level::ALL.get(usize::from(code).wrapping_sub(1)).copied();
    let mut rules: Vec<RuleDef> = RULE_IDS
        .split(' ')
        .zip(RULE_DEFS.chunks_exact(5))
        .map(|(id, d)| {
            // A concept's bit is where other rules have past | hyperbole and needs.
            let ([past, needs], bit) = match d[0] {
                CONCEPT_KIND => ([0; 2], u16::from_le_bytes([d[2], d[4]])),
                _ => ([d[2], d[4]], 0),
            };
            let kind = match d[0] {
                k @ 0..=6 => Kind::Crisis(CATEGORY_OF[usize::from(k)]),
                7 => Kind::Distress,
                8 => Kind::Exclude,
                9 => Kind::Now,
                10 => Kind::Past,
                11 => Kind::Frame,
                // CONCEPT_KIND (the build writes no other).
                _ => Kind::Concept(bit),
            };
            RuleDef {
                id,
                kind,
                level: level(d[1] & 15).unwrap_or(Level::None),
                now: level(d[1] >> 4),
                past: level(past & 15),
                hyperbole: level(past >> 4),
                subject: d[3] & 3,
                weak: d[3] & 1 << 2 != 0,
                negatable: d[3] & 1 << 3 != 0,
                now_alone: d[3] & 1 << 4 != 0,
                excludable: d[3] & 1 << 5 != 0,
                framed: d[3] & 1 << 6 != 0,
                adjacent: d[3] & 1 << 7 != 0,
                needs,
                cooc: NOT_COOC,
            }
        })
        .collect();
    for (k, &(i, ..)) in RULE_CONCEPTS.iter().enumerate() {
        if let Some(r) = rules.get_mut(usize::from(i)) {
            r.cooc = k as u16;
        }
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_find_what_lookup_finds() {
        let t = tables();
        let mut n = 0;
        for slot in t.slots.iter().filter(|s| s.id != 0) {
            let spelling = slot.text(&t.words);
            if (1..=8).contains(&spelling.len()) {
                assert_eq!(short_word(short_key(spelling)), super::super::lexicon::lookup(spelling), "{spelling:?}");
                n += 1;
            }
        }
        assert!(n > 1000, "{n}");
        assert_eq!(short_word(short_key(b"xyzzyq")), NO_WORD);
    }
}
