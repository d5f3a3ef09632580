//! The compiled lexicon (generated from `data/screen/` by build/screen.rs) and word lookup.
//!
//! Only the canonical tables ship (sorted words, flags, word sets, patterns as written, rules);
//! the word hash table and the pattern indexes are built from them at first use (`tables`).
//! Words are found in that hash table, then in a handful of prefixes for the words it does not hold.

use super::normalize::{Text, NO_WORD};
use super::tables::{fnv1a, tables};
use crate::{Category, Level};

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
    /// A concept of the co-occurrence layer (its bit, within its language): findings come from
    /// rules with `all`.
    Concept(u16),
}

/// One bit per concept of the co-occurrence layer, within one language (see `rule_lang`):
/// CONCEPT_WORDS (generated from build/screen.rs) words of 128 bits: 896 bits since English passed 768.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) struct ConceptSet([u128; CONCEPT_WORDS]);

impl ConceptSet {
    pub const EMPTY: ConceptSet = ConceptSet([0; CONCEPT_WORDS]);

    /// From its 128-bit words, lowest first (the generated tables write it so).
    pub const fn new(words: [u128; CONCEPT_WORDS]) -> ConceptSet {
        ConceptSet(words)
    }

    /// Bit `bit` alone (none past the last).
    pub fn of(bit: u16) -> ConceptSet {
        let mut s = ConceptSet::EMPTY;
        s.insert(bit);
        s
    }

    /// Adds bit `bit` (none past the last): `|= of(bit)` without building a set.
    pub fn insert(&mut self, bit: u16) {
        if let Some(w) = self.0.get_mut(usize::from(bit >> 7)) {
            *w |= 1 << (bit & 127);
        }
    }

    pub fn has(self, bit: u16) -> bool {
        self.0.get(usize::from(bit >> 7)).is_some_and(|w| w >> (bit & 127) & 1 != 0)
    }

    /// Its 128-bit words, lowest first (the co-occurrence index walks a window's bits).
    pub fn words(self) -> [u128; CONCEPT_WORDS] {
        self.0
    }

    pub fn is_empty(self) -> bool {
        self.0.iter().fold(0, |m, w| m | w) == 0
    }

    /// Every bit of `other` is in `self`.
    pub fn holds(self, other: ConceptSet) -> bool {
        (other & !self).is_empty()
    }

    /// Some bit is in both.
    pub fn meets(self, other: ConceptSet) -> bool {
        !(self & other).is_empty()
    }

    /// `f` of each word of `self` and `o`.
    fn pairwise(self, o: ConceptSet, f: impl Fn(u128, u128) -> u128) -> ConceptSet {
        ConceptSet(std::array::from_fn(|i| f(self.0[i], o.0[i])))
    }
}

impl std::ops::BitOr for ConceptSet {
    type Output = ConceptSet;
    fn bitor(self, o: ConceptSet) -> ConceptSet {
        self.pairwise(o, |a, b| a | b)
    }
}

impl std::ops::BitAnd for ConceptSet {
    type Output = ConceptSet;
    fn bitand(self, o: ConceptSet) -> ConceptSet {
        self.pairwise(o, |a, b| a & b)
    }
}

impl std::ops::Not for ConceptSet {
    type Output = ConceptSet;
    fn not(self) -> ConceptSet {
        ConceptSet(self.0.map(|w| !w))
    }
}

impl std::ops::BitOrAssign for ConceptSet {
    fn bitor_assign(&mut self, o: ConceptSet) {
        *self = *self | o;
    }
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
    /// Counts without that company when an immediacy marker is in the sentence.
    pub now_alone: bool,
    /// A co-occurrence rule's index in RULE_CONCEPTS (its concept sets: `all`, `any`, `unless`);
    /// NOT_COOC for a pattern rule. Kept apart so that a rule stays small: most are pattern rules,
    /// and the findings read rules by the thousand.
    pub cooc: u16,
    /// Dropped when an exclusion covers it (false only for some concepts).
    pub excludable: bool,
    /// Dropped in a fiction, game or study frame unless about the writer (false: never).
    pub framed: bool,
    /// Co-occurrence: also read over a sentence and the next, whatever their lengths.
    pub adjacent: bool,
}

/// `RuleDef::cooc` of a pattern rule.
pub(super) const NOT_COOC: u16 = u16::MAX;

impl RuleDef {
    /// Co-occurrence rule: concept bits that must all meet in one sentence (empty: a pattern rule).
    pub fn all(&self) -> ConceptSet {
        RULE_CONCEPTS.get(usize::from(self.cooc)).map_or(ConceptSet::EMPTY, |c| c.1)
    }

    /// ...and of which at least one must be there too (empty: none required).
    pub fn any(&self) -> ConceptSet {
        RULE_CONCEPTS.get(usize::from(self.cooc)).map_or(ConceptSet::EMPTY, |c| c.2)
    }

    /// ...and none of which may be there.
    pub fn unless(&self) -> ConceptSet {
        RULE_CONCEPTS.get(usize::from(self.cooc)).map_or(ConceptSet::EMPTY, |c| c.3)
    }
}

/// One pattern element, packed `kind << 30 | len << 18 | start`: a word set (`kind` 0, or 1 when
/// optional) in `tables().sets[start..start+len]`, or a gap of up to `len` words (`kind` 2).
#[derive(Clone, Copy)]
pub(super) struct Elem(u32);

impl Elem {
    pub fn set(kind: u32, start: u32, len: u32) -> Elem {
        Elem(kind << 30 | (len & 0xfff) << 18 | (start & 0x3_ffff))
    }

    pub fn gap(len: u32) -> Elem {
        Elem(2 << 30 | len << 18)
    }

    pub fn kind(&self) -> u8 {
        (self.0 >> 30) as u8
    }

    pub fn len(&self) -> usize {
        (self.0 >> 18 & 0xfff) as usize
    }

    pub fn start(&self) -> usize {
        (self.0 & 0x3_ffff) as usize
    }
}

/// A pattern of the first-word index: `follow << 48 | group << 32 | pattern << 8 | language bits
/// << 6 | anchor bit`. `follow` has bit `w % 16` for every word `w` its second element holds (every
/// bit when that element is optional, a gap or missing): most candidates fail on their second
/// word, and this rejects them without touching the pattern tables. `group` is the pattern's
/// anchor group (0: anchored on its first word), kept here so that checking it reads no table.
#[derive(Clone, Copy)]
pub(super) struct Candidate(u64);

impl Candidate {
    pub fn new(pattern: u32, langs: u32, bit: u32, follow: u16, group: u16) -> Candidate {
        Candidate(u64::from(follow) << 48 | u64::from(group) << 32 | u64::from(pattern << 8 | (langs & 3) << 6 | (bit & 63)))
    }

    /// The bits of `follow` for the words of a set.
    pub fn follow_bits(words: &[u16]) -> u16 {
        words.iter().fold(0, |m, &w| m | 1 << (w & 15))
    }

    /// The pattern's anchor group (0 when it is anchored on its first word).
    pub fn group(self) -> u16 {
        (self.0 >> 32) as u16
    }

    pub fn pattern(self) -> u32 {
        self.0 as u32 >> 8
    }

    pub fn langs(self) -> u8 {
        (self.0 >> 6) as u8 & 3
    }

    pub fn bit(self) -> u32 {
        self.0 as u32 & 63
    }

    /// False only when `word` cannot be this pattern's second word.
    pub fn may_follow(self, word: u16) -> bool {
        self.0 >> 48 >> (word & 15) & 1 != 0
    }
}

/// One pattern of a rule (one expansion of its groups): `tables().elems[start..start+len]`.
pub(super) struct Pat {
    pub rule: u16,
    pub start: u32,
    pub len: u8,
}

// Word flag bits (class names in the lexicon files).
pub(super) const NEG: u16 = 1 << 0;
pub(super) const NEGSKIP: u16 = 1 << 1;
pub(super) const FIRST: u16 = 1 << 2;
/// Someone else as the subject, by language ("son" is a son only in English).
pub(super) const OTHER: u16 = 1 << 3;
pub(super) const GENERIC: u16 = 1 << 4;
pub(super) const HYPER: u16 = 1 << 5;
pub(super) const BREAK: u16 = 1 << 6;
pub(super) const STOP_EN: u16 = 1 << 7;
pub(super) const STOP_ES: u16 = 1 << 8;
/// First-person subject pronouns ("i", "yo"): a new statement for negation scope.
pub(super) const SUBJ: u16 = 1 << 9;
pub(super) const OTHER_ES: u16 = 1 << 11;
/// Words that turn a sentence ("but", "pero"): a joke marker does not reach past them.
pub(super) const CONTRAST: u16 = 1 << 12;
/// Words that make a generic noun a particular group ("the people upstairs", "la gente de al lado").
pub(super) const SPECIFIC: u16 = 1 << 13;
/// Words that carry a sentence on past an ellipsis ("i want to die... of embarrassment", "me
/// quiero morir... de risa"): a joke's harmless ending then stays in the sentence it ends.
pub(super) const GOES_ON: u16 = 1 << 14;

/// The OTHER flag of a rule's language (`rule_lang`).
pub(super) fn other_flag(lang: usize) -> u16 {
    if lang == 1 {
        OTHER_ES
    } else {
        OTHER
    }
}

include!(concat!(env!("OUT_DIR"), "/screen.rs"));

/// The word id of one folded word, or NO_WORD.
pub(super) fn lookup(word: &[u8]) -> u16 {
    if word.is_empty() || word.len() >= 32 {
        return prefix(word);
    }
    let t = tables();
    let slots = &t.slots;
    let mask = slots.len().wrapping_sub(1);
    let mut h = fnv1a(word) as usize & mask;
    // The table is at most half full, so an empty slot always ends the probe.
    for _ in 0..slots.len() {
        let Some(slot) = slots.get(h) else { break };
        if slot.id == 0 {
            break;
        }
        if slot.text(&t.words) == word {
            return slot.id - 1;
        }
        h = (h + 1) & mask;
    }
    prefix(word)
}

fn prefix(word: &[u8]) -> u16 {
    PREFIXES
        .iter()
        .find(|(p, _)| word.starts_with(p.as_bytes()))
        .map_or(NO_WORD, |&(_, id)| id)
}

/// Flags of a word id (0 for no word).
pub(super) fn flags(word: u16) -> u16 {
    WORD_FLAGS.get(word as usize).copied().unwrap_or(0)
}

pub(super) fn emoji() -> &'static [(char, u16)] {
    EMOJI
}

/// Gives each token without one its word id.
pub(super) fn assign_words(text: &mut Text) {
    let Text { buf, tokens, .. } = text;
    for t in tokens.iter_mut() {
        assign_word(buf, t);
    }
}

/// `assign_words` for one token of `buf`.
#[inline]
pub(super) fn assign_word(buf: &[u8], t: &mut super::normalize::Token) {
    if t.word == NO_WORD && t.start < t.end {
        t.word = buf.get(t.start as usize..t.end as usize).map_or(NO_WORD, lookup);
    }
    if t.ellipsis && t.brk == super::normalize::SENTENCE && flags(t.word) & GOES_ON != 0 {
        t.brk = super::normalize::CLAUSE;
    }
}

pub(super) fn rules() -> &'static [RuleDef] {
    &tables().rules
}

/// The language of rule `index` (0 English, 1 Spanish): English rules come first.
pub(super) fn rule_lang(index: u16) -> usize {
    usize::from(usize::from(index) >= FIRST_ES_RULE)
}

#[cfg(test)]
mod tests {
    use super::{ConceptSet, CONCEPT_WORDS};

    #[test]
    fn concept_sets_hold_bits_on_every_word() {
        let set = ConceptSet::of(3) | ConceptSet::of(200) | ConceptSet::of(300) | ConceptSet::of(511) | ConceptSet::of(700);
        assert!(set.has(3) && set.has(200) && set.has(300) && set.has(511) && set.has(700));
        assert!(!set.has(131) && !set.has(72) && !set.has(44) && !set.has(383) && !set.has(512) && !set.has(701));
        let mut words = [0; CONCEPT_WORDS];
        words[..6].copy_from_slice(&[1 << 3, 1 << 72, 1 << 44, 1 << 127, 0, 1 << 60]);
        assert_eq!(set, ConceptSet::new(words));
        assert!(set.holds(ConceptSet::of(200) | ConceptSet::of(511)) && !set.holds(ConceptSet::of(301) | ConceptSet::of(3)));
        assert!(set.meets(ConceptSet::of(300) | ConceptSet::of(9)) && !set.meets(ConceptSet::of(255) | ConceptSet::of(510)));
        assert_eq!(set & ConceptSet::of(300), ConceptSet::of(300));
        let mut built = ConceptSet::EMPTY;
        // (The last bit is past the set: inserting it does nothing.)
        let past = (CONCEPT_WORDS * 128) as u16;
        for bit in [511, 3, 700, 300, 200, past] {
            built.insert(bit);
        }
        assert_eq!(built, set);
        assert!(ConceptSet::EMPTY.is_empty() && !ConceptSet::of(past - 1).is_empty() && ConceptSet::of(past).is_empty());
    }
}
