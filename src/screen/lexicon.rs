//! The compiled lexicon (generated from `data/screen/` by build/screen.rs) and word lookup.

use super::normalize::{Text, NO_WORD};
use crate::{Category, Level};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// What a rule finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Crisis language of a category.
    Crisis(Category),
    /// Distress without a risk signal (level support).
    Distress,
    /// A phrase that cancels any finding it overlaps ("die of embarrassment", "cut myself shaving").
    Exclude,
    /// Immediacy ("tonight", "right now"): findings in the sentence take their `now` level.
    Now,
    /// Past time ("used to", "years ago"): findings in the sentence take their `past` level.
    Past,
    /// Fiction, news or study ("in the novel", "what is"): third-person findings in the sentence drop.
    Frame,
}

pub(super) struct RuleDef {
    pub id: &'static str,
    pub kind: Kind,
    pub level: Level,
    pub now: Option<Level>,
    pub past: Option<Level>,
    pub hyperbole: Option<Level>,
    /// 0 read from context, 1 the writer, 2 someone else.
    pub subject: u8,
    /// Dropped when a stronger finding overlaps it.
    pub weak: bool,
    pub negatable: bool,
    /// Category bits one of which another finding must have for this one to count.
    pub needs: u8,
}

/// One pattern element: a word set (`kind` 0, or 1 when optional) in SETS[start..start+len],
/// or a gap of up to `len` words (`kind` 2).
pub(super) struct Elem {
    pub kind: u8,
    pub start: u32,
    pub len: u16,
}

/// One pattern of a rule: ELEMS[start..start+len].
pub(super) struct Pat {
    pub rule: u16,
    pub start: u32,
    pub len: u8,
    /// The rule's language bit, here to skip other languages without a rule lookup.
    pub lang: u8,
}

// Word flag bits (class names in the lexicon files).
pub(super) const NEG: u16 = 1 << 0;
pub(super) const NEGSKIP: u16 = 1 << 1;
pub(super) const FIRST: u16 = 1 << 2;
pub(super) const OTHER: u16 = 1 << 3;
pub(super) const GENERIC: u16 = 1 << 4;
pub(super) const HYPER: u16 = 1 << 5;
pub(super) const BREAK: u16 = 1 << 6;
pub(super) const STOP_EN: u16 = 1 << 7;
pub(super) const STOP_ES: u16 = 1 << 8;

include!(concat!(env!("OUT_DIR"), "/screen.rs"));

fn automaton() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(AC_PATTERNS)
            .or_else(|_| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(AC_PATTERNS)
            })
            .ok()
    })
    .as_ref()
}

/// Flags of a word id (0 for no word).
pub(super) fn flags(word: u16) -> u16 {
    WORD_FLAGS.get(word as usize).copied().unwrap_or(0)
}

pub(super) fn emoji() -> &'static [(char, u16)] {
    EMOJI
}

/// Gives each token its word id with one pass of the automaton over ` word  word `: every
/// pattern starts with a space, so a match always starts at a token's leading space.
pub(super) fn assign_words(text: &mut Text) {
    let Some(ac) = automaton() else { return };
    let tokens = &mut text.tokens;
    let mut t = 0;
    for m in ac.find_iter(text.buf.as_slice()) {
        let at = m.start() as u32 + 1;
        while t < tokens.len() && (tokens[t].start < at || tokens[t].start == tokens[t].end) {
            t += 1;
        }
        if t == tokens.len() {
            break;
        }
        if tokens[t].start == at && tokens[t].word == NO_WORD {
            tokens[t].word = AC_WORD.get(m.pattern().as_usize()).copied().unwrap_or(NO_WORD);
        }
    }
}

/// Whether `word` is in element `e`'s word set.
pub(super) fn in_set(e: &Elem, word: u16) -> bool {
    let start = e.start as usize;
    SETS.get(start..start + e.len as usize)
        .is_some_and(|s| s.binary_search(&word).is_ok())
}

/// Patterns whose first element holds `word`.
pub(super) fn patterns_from(word: u16) -> &'static [u16] {
    let w = word as usize;
    match (FIRST_START.get(w), FIRST_START.get(w + 1)) {
        (Some(&a), Some(&b)) => FIRST_PATS.get(a as usize..b as usize).unwrap_or(&[]),
        _ => &[],
    }
}

pub(super) fn pattern(i: u16) -> Option<(&'static Pat, &'static [Elem])> {
    let p = PATS.get(i as usize)?;
    let s = p.start as usize;
    Some((p, ELEMS.get(s..s + p.len as usize)?))
}

pub(super) fn rules() -> &'static [RuleDef] {
    RULES
}
