//! Judges each raw match in its context: exclusions (idioms, objects), negation before it, whose
//! risk it is, fiction/news/study frames, past and immediacy, hyperbole markers. What survives
//! becomes a `Finding` with its final level.

use super::lexicon::{flags, other_flag, rule_lang, rules, ConceptSet, Kind, RuleDef, BREAK, CONTRAST, FIRST, GENERIC, HYPER, NEG, NEGSKIP, SPECIFIC, SUBJ};
use super::matcher::Hit;
use super::normalize::{Token, CLAUSE, SENTENCE};
use super::tables::{adjacent_concepts, cooc_candidates};
use super::Subject;
use crate::Level;
use std::cell::Cell;

/// How far back (in words) a negator still negates a match.
const NEG_WINDOW: usize = 4;
/// How far back (in words) we look for the subject of a match.
pub(super) const SUBJECT_WINDOW: usize = 8;

// Per-sentence marker bits.
const S_NOW: u8 = 1;
const S_PAST: u8 = 2;
const S_FRAME: u8 = 4;
const S_HYPER: u8 = 8;

/// A judged match.
#[derive(Clone, Copy, Debug)]
pub(super) struct Finding {
    pub rule: u16,
    pub start: u32,
    pub end: u32,
    pub level: Level,
    pub subject: Subject,
    /// Counts without the company its rule `needs` (immediacy in the sentence).
    pub alone: bool,
    /// The UTF-16 span of tokens `start..end` in the original text (`screen_with` fills it in).
    pub span: (u32, u32),
}

/// Scratch reused between calls.
#[derive(Default)]
pub(super) struct Scratch {
    /// Sentence index of each token.
    sentence_of: Vec<u32>,
    /// Marker bits of each sentence.
    marks: Vec<u8>,
    /// Token spans of exclusions.
    excluded: Vec<(u32, u32)>,
    /// Concept hits that survived their context, in text order.
    concepts: Vec<ConceptHit>,
    /// Per sentence, the concepts found in it, per language, then (by language again) those an
    /// exclusion excused: these still block a rule that names them in `none`.
    sentence_concepts: SentenceConcepts,
    /// Per sentence, its first token; then the number of tokens.
    sentence_start: Vec<u32>,
    /// The co-occurrence rules a window may meet (`cooc_candidates`).
    candidates: Vec<u16>,
    /// Per sentence, its last hyperbole marker, read on first need (`last_hyper`).
    hyper_at: Vec<u32>,
}

/// A concept's words, found in sentence `sentence`.
#[derive(Clone, Copy)]
struct ConceptHit {
    sentence: u32,
    /// The concept's language (its bit counts within it).
    lang: u8,
    bit: u16,
    start: u32,
    end: u32,
}

/// Adjacent sentences this short (in words) are read as one for co-occurrence
/// ("I'm on the roof. This is it."), up to COOC_WINDOW of them.
pub(super) const SHORT_SENTENCE: u32 = 12;
const COOC_WINDOW: usize = 4;
/// A sentence this short read after a long one, by rules of `urgent` or above: a fragment such as
/// "vision going blurry" or "nobody knows" (up to 12 words, on the retired blind38..52: 1 more
/// emergency of 900 read as emergency, for 3 more messages labelled urgent raised to it).
const TAIL_SENTENCE: u32 = 8;

/// Turns raw hits into findings (crisis and distress), appended to `out`.
pub(super) fn judge(tokens: &[Token], hits: &[Hit], scratch: &mut Scratch, out: &mut Vec<Finding>) {
    let Scratch {
        sentence_of,
        marks,
        excluded,
        concepts,
        sentence_concepts,
        sentence_start,
        candidates,
        hyper_at,
    } = scratch;
    sentence_of.clear();
    marks.clear();
    sentence_start.clear();
    excluded.clear();
    // The first token starts a sentence whatever comes before it. (Hyperbole markers are looked
    // for only where a match is judged, `hyperbole`: most sentences have none to judge.)
    for (i, t) in tokens.iter().enumerate() {
        if t.brk == SENTENCE || i == 0 {
            sentence_start.push(i as u32);
        }
        sentence_of.push(sentence_start.len() as u32 - 1);
    }
    marks.resize(sentence_start.len(), 0);
    hyper_at.clear();
    hyper_at.resize(sentence_start.len(), 0);
    let hyper_at = Cell::from_mut(hyper_at.as_mut_slice()).as_slice_of_cells();
    sentence_start.push(tokens.len() as u32);
    let mut any_concept = false;
    let rules = rules();
    for h in hits {
        let Some(r) = rules.get(h.rule as usize) else { continue };
        let bit = match r.kind {
            Kind::Now => S_NOW,
            Kind::Past => S_PAST,
            Kind::Frame => S_FRAME,
            Kind::Exclude => {
                excluded.push((h.start, h.end));
                continue;
            }
            Kind::Concept(_) => {
                any_concept = true;
                continue;
            }
            _ => continue,
        };
        if let Some(&s) = sentence_of.get(h.start as usize) {
            marks[s as usize] |= bit;
        }
    }
    // `overlaps_any` needs the exclusions sorted by start.
    super::sort_by_key(excluded, |&e| e);
    let mut excluded_here = Overlaps::new(excluded);
    let mut turn = Turn::NONE;
    for h in hits {
        let Some(r) = rules.get(h.rule as usize) else { continue };
        if !matches!(r.kind, Kind::Crisis(_) | Kind::Distress) {
            continue;
        }
        if excluded_here.any(h.start, h.end) {
            continue;
        }
        if is_negated(tokens, r, h) {
            continue;
        }
        let sentence = sentence_of.get(h.start as usize).map_or(usize::MAX, |&s| s as usize);
        let mut sentence_marks = marks.get(sentence).map_or(0, |&m| m | hyperbole(tokens, sentence_start, hyper_at, sentence, sentence));
        if sentence_marks & S_HYPER != 0 && !turn.joke(tokens, sentence_start, hyper_at, sentence, h.start as usize) {
            sentence_marks &= !S_HYPER;
        }
        // Whose risk: the rule's words say so, or the nearest subject word before it does.
        let found = if r.subject == 1 {
            Found::Me
        } else {
            subject_before(tokens, h.start as usize, rule_lang(h.rule))
        };
        let subject = match (r.subject, &found) {
            (_, Found::Generic) => continue,
            // A rule about someone else ("wants to die") whose subject is the writer: another
            // rule speaks for the writer ("i just want to die").
            (2, Found::I(d)) if *d <= 2 => continue,
            // "mondays make me want to die": the writer again, as the object.
            (2, Found::Me) if first_person_within(tokens, h.start as usize, 2) => continue,
            (0, Found::Me | Found::I(_) | Found::None) | (1, _) => Subject::Me,
            _ => Subject::Other,
        };
        // In fiction, news or study, only the writer speaking of themselves still counts.
        // (Harm to others in a game is still a game, whoever says it.)
        let harm_to_others = r.kind == Kind::Crisis(crate::Category::HarmToOthers);
        // A one-word slang match ("kms") in a sentence about words ("what does kms mean") is a
        // mention, not a use.
        let one_word = h.end.saturating_sub(h.start) <= 1;
        let about_writer = if r.subject == 1 {
            !one_word
        } else {
            matches!(found, Found::Me | Found::I(_)) && !r.weak && !harm_to_others
        };
        if sentence_marks & S_FRAME != 0 && !about_writer && r.framed {
            continue;
        }
        let mut level = sentence_level(r, sentence_marks);
        if subject == Subject::Other && level < Level::Emergency {
            level = level.min(if r.kind == Kind::Distress {
                Level::Support
            } else {
                Level::Concern
            });
        }
        if level == Level::None {
            continue;
        }
        out.push(Finding {
            rule: h.rule,
            start: h.start,
            end: h.end,
            level,
            subject,
            alone: r.now_alone && sentence_marks & S_NOW != 0,
            span: (0, 0),
        });
    }
    if any_concept {
        let layer = Cooccurrence {
            tokens,
            sentence_of,
            sentence_start,
            hyper_at,
            marks,
            excluded,
        };
        layer.find(hits, concepts, sentence_concepts, candidates, out);
    }
}

/// Per sentence, the concepts found in it: `get` those that count (per language), `excused` those
/// an exclusion excused (they still block a rule's `none`). Kept only for sentences that hold one
/// (most hold none), so a long text costs a word a sentence, not concept sets; excused ones are
/// rarer still and kept apart.
#[derive(Default)]
pub(super) struct SentenceConcepts {
    /// Per sentence: its index in `sets`, or NONE.
    slot: Vec<u32>,
    sets: Vec<[ConceptSet; 2]>,
    /// Per sentence: its index in `excused_sets`, or NONE (empty while no concept was excused).
    excused_slot: Vec<u32>,
    excused_sets: Vec<[ConceptSet; 2]>,
}

impl SentenceConcepts {
    const NONE: u32 = u32::MAX;
    const EMPTY: [ConceptSet; 2] = [ConceptSet::EMPTY; 2];

    fn reset(&mut self, sentences: usize) {
        self.slot.clear();
        self.slot.resize(sentences, Self::NONE);
        self.sets.clear();
        self.excused_slot.clear();
        self.excused_sets.clear();
    }

    fn len(&self) -> usize {
        self.slot.len()
    }

    fn get(&self, sentence: usize) -> &[ConceptSet; 2] {
        Self::find(&self.slot, &self.sets, sentence)
    }

    fn excused(&self, sentence: usize) -> &[ConceptSet; 2] {
        Self::find(&self.excused_slot, &self.excused_sets, sentence)
    }

    fn find<'a>(slot: &[u32], sets: &'a [[ConceptSet; 2]], sentence: usize) -> &'a [ConceptSet; 2] {
        match slot.get(sentence) {
            Some(&k) if k != Self::NONE => sets.get(k as usize).unwrap_or(&Self::EMPTY),
            _ => &Self::EMPTY,
        }
    }

    /// Adds concept `bit` of language `lang` to a sentence, as found or (`excused`) as excused.
    fn insert(&mut self, sentence: usize, lang: usize, bit: u16, excused: bool) {
        let (slots, sets) = if excused {
            if self.excused_slot.is_empty() {
                self.excused_slot.resize(self.slot.len(), Self::NONE);
            }
            (&mut self.excused_slot, &mut self.excused_sets)
        } else {
            (&mut self.slot, &mut self.sets)
        };
        let Some(slot) = slots.get_mut(sentence) else { return };
        if *slot == Self::NONE {
            *slot = sets.len() as u32;
            sets.push(Self::EMPTY);
        }
        if let Some(set) = sets.get_mut(*slot as usize).and_then(|sets| sets.get_mut(lang)) {
            set.insert(bit);
        }
    }
}

/// The co-occurrence layer: rules whose concepts (`all`, and one of `any`) meet in one sentence,
/// or in up to COOC_WINDOW adjacent short ones. Each concept hit is judged like a pattern match first
/// (exclusions, negation); the window then takes the sentence context (subject, frame, past,
/// immediacy, jokes). Linear: one bitmask a sentence, then the few co-occurrence rules.
struct Cooccurrence<'a> {
    tokens: &'a [Token],
    sentence_of: &'a [u32],
    sentence_start: &'a [u32],
    hyper_at: &'a [Cell<u32>],
    marks: &'a [u8],
    excluded: &'a [(u32, u32)],
}

impl Cooccurrence<'_> {
    fn find(
        &self,
        hits: &[Hit],
        concepts: &mut Vec<ConceptHit>,
        sentence_concepts: &mut SentenceConcepts,
        candidates: &mut Vec<u16>,
        out: &mut Vec<Finding>,
    ) {
        concepts.clear();
        sentence_concepts.reset(self.marks.len());
        let (rules, mut excluded) = (rules(), Overlaps::new(self.excluded));
        for h in hits {
            let Some(r) = rules.get(h.rule as usize) else { continue };
            let Kind::Concept(bit) = r.kind else { continue };
            if is_negated(self.tokens, r, h) {
                continue;
            }
            let Some(&sentence) = self.sentence_of.get(h.start as usize) else { continue };
            let lang = rule_lang(h.rule);
            // An exclusion over a concept's words keeps it from making a rule fire, never from
            // stopping one: "the shotgun is gone, he took it to the clay shoot" is excused as a
            // gun sport and must still block the rule that reads a gun gone as danger.
            if r.excludable && excluded.any(h.start, h.end) {
                sentence_concepts.insert(sentence as usize, lang, bit, true);
                continue;
            }
            sentence_concepts.insert(sentence as usize, lang, bit, false);
            concepts.push(ConceptHit {
                sentence,
                lang: lang as u8,
                bit,
                start: h.start,
                end: h.end,
            });
        }
        super::sort_by_key(concepts, |c| (c.sentence, c.start));
        // The sentences that hold a concept, in order (each once).
        let adjacent = adjacent_concepts();
        let mut prev = None;
        for s in concepts.iter().map(|c| c.sentence as usize) {
            if prev.replace(s) == Some(s) {
                continue;
            }
            let short = |i: usize| self.len(i).is_some_and(|n| n <= SHORT_SENTENCE);
            // The window from `s`: one sentence, or up to COOC_WINDOW adjacent short ones; an
            // `adjacent` rule also reads `s` with the next sentence, whatever their lengths, and so
            // does a rule of `urgent` or above where a long sentence is followed by a short one
            // ("took all 30 from the new strip the psychiatrist gave, an hour back. vision going
            // blurry"): on the retired blind38..52, 17 more of 900 emergencies read as emergency
            // (not urgent) for 2 messages labelled urgent raised to emergency and no false alarm;
            // on trainJS..JT, written after the rules, 2 more of 160 for 1 and none; over every
            // training set, 258 more of 17,243 for 24, and 5 of 32,608 safe messages flagged.
            let reach = (s + 1..s + COOC_WINDOW).take_while(|&i| i < sentence_concepts.len() && short(i - 1) && short(i)).last().unwrap_or(s);
            let next = (s + 1).min(sentence_concepts.len() - 1);
            let joins = (0..2).any(|k| sentence_concepts.get(s)[k].meets(adjacent[k]) && sentence_concepts.get(next)[k].meets(adjacent[k]));
            let long_then_short = !short(s) && self.len(next).is_some_and(|n| n <= TAIL_SENTENCE);
            let wide = if next > reach && (joins || long_then_short) { next } else { reach };
            let mut window = *sentence_concepts.get(s);
            for i in s + 1..=wide {
                let [en, es] = sentence_concepts.get(i);
                window[0] |= *en;
                window[1] |= *es;
            }
            cooc_candidates(&window, candidates);
            for &index in candidates.iter() {
                let Some(r) = rules.get(usize::from(index)) else { continue };
                let end = if r.adjacent || (long_then_short && r.level >= Level::Urgent) { wide } else { reach };
                let lang = rule_lang(index);
                let union = |from: usize, to: usize, excused: bool| {
                    (from..=to).fold(ConceptSet::EMPTY, |m, i| {
                        m | if excused { sentence_concepts.excused(i) } else { sentence_concepts.get(i) }[lang]
                    })
                };
                let (all, any, unless) = (r.all(), r.any(), r.unless());
                let meets = |from: usize, to: usize| {
                    let m = union(from, to, false);
                    m.holds(all) && (any.is_empty() || m.meets(any)) && !(m | union(from, to, true)).meets(unless)
                };
                // A longer window is read only for what no shorter one starting later holds (that
                // one is read from its own first sentence).
                let Some(last) = (s..=end).find(|&e| meets(s, e) && (e == s || !meets(s + 1, e))) else {
                    continue;
                };
                self.fire(index, r, s, last, concepts, out);
            }
        }
    }

    /// The length in words of sentence `i` (None past the last).
    fn len(&self, i: usize) -> Option<u32> {
        Some(self.sentence_start.get(i + 1)? - self.sentence_start.get(i)?)
    }

    /// Judges rule `r` over sentences `first..=last` and adds one finding per concept it used.
    fn fire(&self, index: u16, r: &RuleDef, first: usize, last: usize, concepts: &[ConceptHit], out: &mut Vec<Finding>) {
        let from = concepts.partition_point(|c| (c.sentence as usize) < first);
        let window = concepts[from..]
            .iter()
            .take_while(|c| c.sentence as usize <= last);
        let lang = rule_lang(index) as u8;
        let used = r.all() | r.any();
        let used_by_rule = |c: &ConceptHit| c.lang == lang && used.has(c.bit);
        let Some(earliest) = window.clone().find(|c| used_by_rule(c)) else { return };
        let marks = self.marks.get(first..=last).map_or(0, |m| m.iter().fold(0, |a, b| a | b))
            | hyperbole(self.tokens, self.sentence_start, self.hyper_at, first, last);
        let found = if r.subject == 1 {
            Found::Me
        } else {
            subject_before(self.tokens, earliest.start as usize, lang as usize)
        };
        let subject = match (r.subject, &found) {
            (_, Found::Generic) => return,
            (2, _) | (0, Found::Other) => Subject::Other,
            _ => Subject::Me,
        };
        // In fiction, news or study only the writer speaking of themselves still counts.
        let writer = || {
            let from = concepts.get(from).map_or(0, |c| c.start as usize);
            self.tokens
                .iter()
                .enumerate()
                .skip(from.saturating_sub(SUBJECT_WINDOW))
                .take_while(|(i, _)| self.sentence_of.get(*i).is_some_and(|&s| s as usize <= last))
                .any(|(_, t)| flags(t.word) & (FIRST | SUBJ) != 0)
        };
        if marks & S_FRAME != 0 && r.framed && !writer() {
            return;
        }
        let mut level = sentence_level(r, marks);
        if subject == Subject::Other && level < Level::Emergency {
            level = level.min(Level::Concern);
        }
        if level == Level::None {
            return;
        }
        // Evidence: the first words of each concept the rule used.
        let mut used = ConceptSet::EMPTY;
        for c in window.filter(|c| used_by_rule(c)) {
            if !used.has(c.bit) {
                used |= ConceptSet::of(c.bit);
                out.push(Finding {
                    rule: index,
                    start: c.start,
                    end: c.end,
                    level,
                    subject,
                    alone: false,
                    span: (0, 0),
                });
            }
        }
    }
}

/// The most tokens one match can span (16 elements, gaps of up to 4): bounds every overlap search.
pub(super) const MAX_SPAN: u32 = 80;

/// Whether any span in `spans` (sorted by start) overlaps `start..end`; looks only at spans that
/// start within MAX_SPAN before it, so the whole pass stays linear.
pub(super) fn overlaps_any(spans: &[(u32, u32)], start: u32, end: u32) -> bool {
    let from = spans.partition_point(|&(a, _)| a + MAX_SPAN < start);
    overlaps_from(spans, from, start, end)
}

fn overlaps_from(spans: &[(u32, u32)], from: usize, start: u32, end: u32) -> bool {
    spans.get(from..).unwrap_or_default()
        .iter()
        .take_while(|&&(a, _)| a < end)
        .any(|&(a, b)| a < end && start < b)
}

/// `overlaps_any` for spans asked about in order of `start` (hits come in token order): the
/// search resumes where the last one stopped (`partition_point` moves only forward as `start`
/// grows), and starts over if a `start` comes out of order.
struct Overlaps<'a> {
    spans: &'a [(u32, u32)],
    from: usize,
    last: u32,
}

impl<'a> Overlaps<'a> {
    fn new(spans: &'a [(u32, u32)]) -> Self {
        Overlaps { spans, from: 0, last: 0 }
    }

    fn any(&mut self, start: u32, end: u32) -> bool {
        if start < self.last {
            self.from = 0;
        }
        self.last = start;
        while self.spans.get(self.from).is_some_and(|&(a, _)| a + MAX_SPAN < start) {
            self.from += 1;
        }
        overlaps_from(self.spans, self.from, start, end)
    }
}

/// S_HYPER when a hyperbole marker stands in sentences `first..=last` (`start`: where each
/// sentence starts, then the number of tokens), else 0.
fn hyperbole(tokens: &[Token], start: &[u32], hyper_at: &[Cell<u32>], first: usize, last: usize) -> u8 {
    if (first..=last).any(|s| last_hyper(tokens, start, hyper_at, s).is_some()) {
        S_HYPER
    } else {
        0
    }
}

/// The token of the last hyperbole marker in sentence `s`, if any. Read once a sentence, on first
/// need (`hyper_at`: 0 not read yet, 1 none, else the token + 2): reading every word's flags up
/// front cost a long text about 4%, and reading the sentence again for every match in it made a
/// run-on paste cost the square of its length.
fn last_hyper(tokens: &[Token], start: &[u32], hyper_at: &[Cell<u32>], s: usize) -> Option<usize> {
    let cell = hyper_at.get(s)?;
    if cell.get() == 0 {
        let (Some(&a), Some(&b)) = (start.get(s), start.get(s + 1)) else { return None };
        let at = (a..b).rev().find(|&k| tokens.get(k as usize).is_some_and(|t| flags(t.word) & HYPER != 0));
        cell.set(at.map_or(1, |k| k + 2));
    }
    cell.get().checked_sub(2).map(|k| k as usize)
}

/// Where the turn holding a match begins: after the last "but" or "pero" before it in its
/// sentence. A joke marker counts only from there to the sentence's end: "lost the ranked again
/// kms lol but honestly I want to die" jokes only before the turn, while "quiero tirarme del puente
/// pero en puenting jajaja" jokes after it about what came before. Matches are judged in start
/// order, so a sentence is scanned once, however many matches it holds.
struct Turn {
    /// The sentence scanned (usize::MAX: none yet).
    sentence: usize,
    /// Tokens before this one have been scanned for a turn.
    scanned: usize,
    start: usize,
}

impl Turn {
    const NONE: Turn = Turn { sentence: usize::MAX, scanned: 0, start: 0 };

    /// Whether a joke marker stands in the turn of the match at token `i` of sentence `s`.
    fn joke(&mut self, tokens: &[Token], start: &[u32], hyper_at: &[Cell<u32>], s: usize, i: usize) -> bool {
        if self.sentence != s || i < self.scanned {
            let a = start.get(s).map_or(i, |&a| a as usize);
            *self = Turn { sentence: s, scanned: a, start: a };
        }
        for k in self.scanned..i {
            if tokens.get(k).is_some_and(|t| flags(t.word) & CONTRAST != 0) {
                self.start = k + 1;
            }
        }
        self.scanned = self.scanned.max(i);
        last_hyper(tokens, start, hyper_at, s).is_some_and(|k| k >= self.start)
    }
}

/// A rule's level as the sentence's time marks adjust it: past, then now, then hyperbole.
fn sentence_level(r: &RuleDef, marks: u8) -> Level {
    let mut level = r.level;
    if marks & S_PAST != 0 {
        level = r.past.unwrap_or(level);
    }
    if marks & S_NOW != 0 {
        level = r.now.unwrap_or(level);
    }
    if marks & S_HYPER != 0 {
        level = r.hyperbole.unwrap_or(level);
    }
    level
}

/// Whether a negator cancels this match of a negatable rule ("i dont want to die").
pub(super) fn is_negated(tokens: &[Token], r: &RuleDef, h: &Hit) -> bool {
    r.negatable && (negated(tokens, h.start as usize) || negator_skipped(tokens, h))
}

/// Whether a negator ("not", "never", "no") stands in the few words before `start`, in the same
/// clause. "no longer", "not sure" and the like do not negate (NEGSKIP follows the negator).
fn negated(tokens: &[Token], start: usize) -> bool {
    let from = start.saturating_sub(NEG_WINDOW);
    for i in (from..start).rev() {
        // A clause boundary between the negator and the match ends its scope.
        if tokens[i + 1].brk & (CLAUSE | SENTENCE) != 0 {
            return false;
        }
        let f = flags(tokens[i].word);
        // "i'm not suicidal, i just don't want to exist": a new first-person subject after the
        // negator starts a new statement.
        if f & (BREAK | SUBJ) != 0 {
            return false;
        }
        if f & NEG != 0 {
            let skip = tokens
                .get(i + 1)
                .is_some_and(|n| i + 1 < start && flags(n.word) & NEGSKIP != 0);
            if !skip {
                return true;
            }
        }
    }
    false
}

/// Whether a gap inside the match skipped a negator ("i'm not suicidal" matched `<BE> .. suicidal`).
fn negator_skipped(tokens: &[Token], h: &Hit) -> bool {
    (h.start..h.end).enumerate().any(|(k, i)| {
        h.skipped & 1u32.checked_shl(k as u32).unwrap_or(0) != 0
            && tokens.get(i as usize).is_some_and(|t| flags(t.word) & NEG != 0)
    })
}

enum Found {
    None,
    /// A first-person word ("my", "me").
    Me,
    /// A first-person subject pronoun ("i", "yo"), this many words before the match.
    I(usize),
    Other,
    Generic,
}

/// Whether a first-person word stands in the `n` words before `start`.
fn first_person_within(tokens: &[Token], start: usize, n: usize) -> bool {
    tokens
        .get(start.saturating_sub(n)..start)
        .is_some_and(|ts| ts.iter().any(|t| flags(t.word) & FIRST != 0))
}

/// The nearest subject word before `start` in the same sentence, read in the rule's language.
fn subject_before(tokens: &[Token], start: usize, lang: usize) -> Found {
    let other = other_flag(lang);
    let from = start.saturating_sub(SUBJECT_WINDOW);
    for i in (from..start).rev() {
        let f = flags(tokens[i].word);
        if f & GENERIC != 0 {
            // "the people upstairs", "la gente de al lado": a particular group, someone else.
            let specific = i > from && flags(tokens[i - 1].word) & SPECIFIC != 0;
            return if specific { Found::Other } else { Found::Generic };
        }
        if f & other != 0 {
            // "bro im on the roof": a sentence that opens on someone, then "i"/"im", speaks to them.
            let opens = i == 0 || tokens[i].brk == SENTENCE;
            let vocative = opens && tokens.get(i + 1).is_some_and(|t| flags(t.word) & SUBJ != 0);
            if !vocative {
                return Found::Other;
            }
        }
        if f & SUBJ != 0 {
            return Found::I(start - i);
        }
        if f & FIRST != 0 {
            return Found::Me;
        }
        if tokens[i].brk == SENTENCE {
            break;
        }
    }
    Found::None
}
