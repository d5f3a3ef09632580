//! The matcher's indexes, built once at first use from the shipped lexicon (see lexicon.rs).
//!
//! The wasm ships only the canonical tables: the sorted word list, word sets and the patterns as
//! written. Everything here is a pure function of them (the word hash table, every expansion of
//! `(a b|c d)` groups, the first-word index and the anchor masks), so it costs start-up time
//! (well under a millisecond) instead of download bytes.

use super::lexicon::{
    Elem, Kind, Pat, RuleDef, ALIASES, ALIAS_IDS, CATEGORY_OF, COMMON_FLAGS, FIRST_ES_RULE, HOT_SYMBOLS, PATTERNS, RULE_CONCEPTS,
    RULE_DEFS, RULE_IDS, SETS, WORDS, WORD_FLAGS,
};
use crate::Level;
use std::sync::OnceLock;

// Pattern codes, as decoded: a word id, or word count + i for the i-th word set, OR-ed with
// OPTIONAL when optional; then gaps, groups and ends. (Shipped as varints: see `decode_patterns`.)
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
    pub offset: u16,
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
    /// SETS, then every word id once (the one-word sets).
    pub sets: Vec<u16>,
    pub elems: Vec<Elem>,
    /// Every expansion of every pattern, in rule order.
    pub pats: Vec<Pat>,
    /// Patterns by first word: `first_pats[first_start[w]..first_start[w + 1]]`, each
    /// `pattern << 8 | language bits << 6 | anchor bit`, sorted by anchor bit.
    pub first_start: Vec<u32>,
    pub first_pats: Vec<u32>,
    /// Per word id: the anchor bits of the sets it is in.
    pub word_mask: Vec<u64>,
    pub rules: Vec<RuleDef>,
}

pub(super) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

/// FNV-1a, the word hash.
pub(super) fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn build() -> Tables {
    let words = WORD_FLAGS.len();
    let (mut sets, spans) = decode_sets();
    let singles = sets.len();
    sets.extend(0..words as u16);
    let text = decode_words();
    let patterns = decode_patterns();
    let mut t = Tables {
        slots: word_table(&text),
        words: text,
        sets,
        elems: Vec::new(),
        pats: Vec::new(),
        first_start: Vec::new(),
        first_pats: Vec::new(),
        word_mask: vec![0; words],
        rules: decode_rules(),
    };
    // A code's element: a one-word set, a word set of SETS, or a gap.
    let elem = |code: u16| {
        let kind = u32::from(code & OPTIONAL != 0);
        let (start, len) = match code & !OPTIONAL {
            GAP_SHORT => return Elem::gap(SHORT),
            GAP_LONG => return Elem::gap(LONG),
            w if (w as usize) < words => (singles + w as usize, 1),
            s => spans.get(s as usize - words).copied().unwrap_or((0, 0)),
        };
        Elem::set(kind, start as u32, len as u32)
    };
    // Anchor sets numbered in order of first use, by their start in `sets` (each set is stored once).
    let mut group_of: Vec<u32> = vec![u32::MAX; t.sets.len()];
    let mut groups = 0u32;
    let mut first: Vec<(u16, u32)> = Vec::new();
    let mut rule = 0usize;
    let mut at = 0usize;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut phrase: Vec<Elem> = Vec::new();
    while at < patterns.len() {
        if patterns[at] == RULE_END {
            rule += 1;
            at += 1;
            continue;
        }
        // One written pattern: its plain elements and groups (phrases as ranges of the code).
        pieces.clear();
        while let Some(&code) = patterns.get(at) {
            at += 1;
            match code {
                PAT_END => break,
                OPEN => {
                    let from = at;
                    while patterns.get(at).is_some_and(|&c| c != CLOSE) {
                        at += 1;
                    }
                    pieces.push(Piece::Group(from, at));
                    at += 1;
                }
                c => pieces.push(Piece::Elem(elem(c))),
            }
        }
        // Every combination of the groups' phrases, the last group varying fastest.
        let mut choice: Vec<usize> = vec![0; pieces.len()];
        loop {
            phrase.clear();
            for (p, &k) in pieces.iter().zip(&choice) {
                match *p {
                    Piece::Elem(e) => phrase.push(e),
                    Piece::Group(from, to) => {
                        let codes = patterns.get(from..to).unwrap_or(&[]);
                        let alt = codes.split(|&c| c == ALT).nth(k).unwrap_or(&[]);
                        phrase.extend(alt.iter().map(|&c| elem(c)));
                    }
                }
            }
            add_pattern(&mut t, rule, &phrase, &mut group_of, &mut groups, &mut first);
            // Next combination: bump the last group that has another phrase, reset the ones after.
            let Some(g) = (0..pieces.len()).rev().find(|&g| match pieces[g] {
                Piece::Group(from, to) => {
                    let alts = patterns.get(from..to).map_or(0, |c| c.iter().filter(|&&c| c == ALT).count());
                    choice[g] < alts
                }
                Piece::Elem(_) => false,
            }) else {
                break;
            };
            choice[g] += 1;
            for c in &mut choice[g + 1..] {
                *c = 0;
            }
        }
    }
    // Sorted by word, then anchor bit, then pattern (the order they came in): the matcher goes
    // straight to a sentence's bits. Two stable counting passes, least significant key first.
    let first = counting_sort(&counting_sort(&first, 64, |&(_, e)| e as usize & 63), words, |&(w, _)| w as usize);
    t.first_start = Vec::with_capacity(words + 1);
    t.first_start.push(0);
    let mut i = 0;
    for w in 0..words {
        while first.get(i).is_some_and(|&(fw, _)| fw as usize == w) {
            i += 1;
        }
        t.first_start.push(i as u32);
    }
    t.first_pats = first.into_iter().map(|(_, e)| e).collect();
    t
}

/// Sorts `items` by `key` (below `buckets`), keeping the order of equal keys.
fn counting_sort(items: &[(u16, u32)], buckets: usize, key: fn(&(u16, u32)) -> usize) -> Vec<(u16, u32)> {
    let mut at = vec![0usize; buckets + 1];
    for it in items {
        at[key(it).min(buckets - 1) + 1] += 1;
    }
    for b in 0..buckets {
        at[b + 1] += at[b];
    }
    let mut out = vec![(0, 0); items.len()];
    for it in items {
        let b = &mut at[key(it).min(buckets - 1)];
        out[*b] = *it;
        *b += 1;
    }
    out
}

/// A piece of a written pattern: one element, or a group (its codes, phrases split by ALT).
#[derive(Clone, Copy)]
enum Piece {
    Elem(Elem),
    Group(usize, usize),
}

/// Adds one expanded pattern: its elements, its anchor bit and its first-word entries.
///
/// The anchor is the pattern's cheapest required word set (function words cost much more; the
/// later set on a tie, since first words tend to be common). Each distinct anchor set gets a bit
/// of a 64-bit mask (shared modulo 63); a word's mask holds the bits of the sets it is in, and a
/// pattern is tried only in a sentence whose words' masks hold its anchor's bit: a cheap,
/// sometimes too generous filter (the match itself is exact). A pattern anchored on its first
/// word needs no filter, the word index already is one: those take bit 63.
fn add_pattern(
    t: &mut Tables,
    rule: usize,
    elems: &[Elem],
    group_of: &mut [u32],
    groups: &mut u32,
    first: &mut Vec<(u16, u32)>,
) {
    let set = |e: &Elem| t.sets.get(e.start()..e.start() + e.len()).unwrap_or(&[]);
    let common = |w: u16| WORD_FLAGS.get(w as usize).is_some_and(|f| f & COMMON_FLAGS != 0);
    let cost = |e: &Elem| set(e).iter().map(|&w| if common(w) { 100 } else { 1 }).sum::<usize>();
    let mut anchor: Option<(usize, &Elem)> = None;
    for (i, e) in elems.iter().enumerate().filter(|(_, e)| e.kind() == 0) {
        anchor = match anchor {
            Some((j, b)) if cost(b) < cost(e) => Some((j, b)),
            _ => Some((i, e)),
        };
    }
    let Some((at, anchor)) = anchor else { return };
    let bit = if at == 0 {
        63
    } else {
        let g = &mut group_of[anchor.start()];
        if *g == u32::MAX {
            *g = *groups;
            *groups += 1;
        }
        *g % 63
    };
    let owners = if at == 0 { &elems[0] } else { anchor };
    for &w in set(owners) {
        if let Some(m) = t.word_mask.get_mut(w as usize) {
            *m |= 1 << bit;
        }
    }
    let index = t.pats.len() as u32;
    let lang = if rule < FIRST_ES_RULE { 1 } else { 2 };
    for &w in set(&elems[0]) {
        first.push((w, index << 8 | lang << 6 | bit));
    }
    t.pats.push(Pat {
        rule: rule as u16,
        start: t.elems.len() as u32,
        len: elems.len() as u8,
    });
    t.elems.extend_from_slice(elems);
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
            offset: offset as u16,
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
    let mut last = 0;
    for &b in WORDS {
        if b < b' ' {
            if !out.is_empty() {
                out.push(b' ');
            }
            let start = out.len();
            out.extend_from_within(last..last + usize::from(b));
            last = start;
        } else {
            out.push(b);
        }
    }
    out
}

/// SETS: each set's length, then its sorted ids as differences. Returns the ids back to back and
/// each set's (start, length).
fn decode_sets() -> (Vec<u16>, Vec<(usize, usize)>) {
    let (mut ids, mut spans) = (Vec::new(), Vec::new());
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

/// PATTERNS as codes: the shipped varints below SYMBOL are GAP_SHORT..=RULE_END and then
/// OPTIONAL (a prefix to the next symbol); from SYMBOL, the HOT_SYMBOLS, then the other symbols
/// (each + SYMBOL + the hot count).
fn decode_patterns() -> Vec<u16> {
    let mut out = Vec::with_capacity(PATTERNS.len());
    let mut optional = 0;
    for v in varints(PATTERNS) {
        match v {
            7 => optional = OPTIONAL,
            c if c < SYMBOL => out.push(GAP_SHORT + c as u16),
            s => {
                let s = (s - SYMBOL) as usize;
                let sym = HOT_SYMBOLS.get(s).copied().unwrap_or((s.wrapping_sub(HOT_SYMBOLS.len())) as u16);
                out.push(sym | optional);
                optional = 0;
            }
        }
    }
    out
}

/// RULE_DEFS: five bytes a rule (kind, level | now << 4, past | hyperbole << 4, flags, needs),
/// the ids from RULE_IDS and the co-occurrence masks from RULE_CONCEPTS.
fn decode_rules() -> Vec<RuleDef> {
    // Levels are stored + 1, 0 for none.
    let level = |code: u8| Level::ALL.get(usize::from(code).wrapping_sub(1)).copied();
    let mut rules: Vec<RuleDef> = RULE_IDS
        .split(' ')
        .zip(RULE_DEFS.chunks_exact(5))
        .map(|(id, d)| {
            let kind = match d[0] {
                k @ 0..=6 => Kind::Crisis(CATEGORY_OF[usize::from(k)]),
                7 => Kind::Distress,
                8 => Kind::Exclude,
                9 => Kind::Now,
                10 => Kind::Past,
                11 => Kind::Frame,
                k => Kind::Concept(k.wrapping_sub(64)),
            };
            RuleDef {
                id,
                kind,
                level: level(d[1] & 15).unwrap_or(Level::None),
                now: level(d[1] >> 4),
                past: level(d[2] & 15),
                hyperbole: level(d[2] >> 4),
                subject: d[3] & 3,
                weak: d[3] & 1 << 2 != 0,
                negatable: d[3] & 1 << 3 != 0,
                now_alone: d[3] & 1 << 4 != 0,
                excludable: d[3] & 1 << 5 != 0,
                needs: d[4],
                all: 0,
                any: 0,
                unless: 0,
            }
        })
        .collect();
    for &(i, all, any, unless) in RULE_CONCEPTS {
        if let Some(r) = rules.get_mut(usize::from(i)) {
            (r.all, r.any, r.unless) = (all, any, unless);
        }
    }
    rules
}
