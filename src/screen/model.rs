//! The second net: a logistic model over the words the screen reads (single words, adjacent pairs
//! and the character 5-grams of each word, which carry it across misspellings and inflections)
//! and the rules whose patterns matched (whose word classes carry it to unseen phrasings),
//! trained on the labelled sets by scripts/train-screen-model.py and compiled in from
//! `data/screen/<lang>.model.tsv`. The rules catch the phrasings someone wrote a rule for; the
//! model catches some of the rest. Where the rules found nothing at `concern` or above it adds
//! `concern`, or `urgent` when its urgency or emergency head agrees; where they found only `concern`,
//! the risk head and one of those agreeing lift it to `urgent`; where they found `concern` or `urgent` and the model is all but
//! sure there is no risk, it overrules them (see `screen_with`). A category head names the category
//! of its finding. Its evidence is the words that weighed most.

use super::lexicon::{flags, rules, Kind, FIRST, NEG, OTHER, OTHER_ES, STOP_EN, STOP_ES, SUBJ};
use super::context::is_negated;
use super::matcher::Hit;
use super::normalize::Token;
use crate::Category;
use super::tables::{fnv1a, fnv1a_from};
use std::sync::OnceLock;

/// One head of a language's model: weights one signed byte each; bias and threshold are logits
/// in the same scale.
pub(super) struct Head {
    bias: i32,
    threshold: i32,
    weights: &'static [i8],
}

/// One language's model: the risk head (concern or above), the urgency head (urgent or above) and
/// the emergency head, over the same features.
pub(super) struct LangModel {
    risk: Head,
    urgency: Head,
    /// Emergency against everything else: at its threshold a finding is `urgent` too (it learned
    /// danger-now phrasings the urgency head, which weighs every urgent message, weighs less).
    emergency: Head,
    /// Past this many words the risk head needs `long_threshold` (a logit in its scale): a long
    /// message holds many words that lean to risk on their own.
    long_words: u16,
    long_threshold: i32,
    /// Where an exclusion matched (an idiom, an object, an everyday use) the risk head needs this,
    /// and the urgency head never finds `urgent` alone: an idiom's words ("hits me up", "kill the
    /// process") are risk words too.
    wary_threshold: i32,
    /// A sentence read alone (the rest of its message outweighed it) needs this, and the urgency
    /// head never finds `urgent` alone there.
    sentence_threshold: i32,
    /// At this urgency logit the urgency head finds `urgent` on its own, whatever the risk head
    /// says (it learned danger-now phrasings the risk head weighs less).
    urgency_alone: i32,
    /// Below these risk logits the model is all but sure there is no risk: it overrules the rules'
    /// `concern`, (a lower bar) `urgent`, and (a higher one) `concern` found only by weak rules, a
    /// bare mention of a word (see `screen_with`).
    veto: [i32; 3],
    /// Features, sorted and front-coded (each: the byte count it shares with the one before, then
    /// the rest): "word", "word word", "~" + five bytes of "<word>", or "@" + a rule's id.
    grams: &'static [u8],
    /// The category head, a multinomial logistic model over a subset of the features: a bias per
    /// category (in `Category::ALL` order), the features it reads (ascending indices) and their
    /// weights, `Category::ALL.len()` a feature.
    category_bias: [i32; CATEGORIES],
    category_rows: &'static [u16],
    category_weights: &'static [i8],
}

const CATEGORIES: usize = Category::ALL.len();

include!(concat!(env!("OUT_DIR"), "/model.rs"));

/// Longer texts are read a sentence at a time (see `screen_whole`): the model learned from
/// messages, not documents.
pub(super) const MAX_WORDS: usize = 200;

/// Length of the character grams, in bytes of the word padded as `<word>` (as the trainer's
/// `CHAR_GRAM`).
const CHAR_GRAM: usize = 5;

/// What the model found: the category, and the tokens `start..end` of the heaviest feature.
pub(super) struct ModelFinding {
    pub lang: usize,
    pub category: Category,
    /// The urgency head (or the emergency head) reached its threshold too.
    pub urgent: bool,
    /// The risk head reached its threshold (false: the urgency head found it alone).
    pub risk: bool,
    /// The emergency head reached its threshold.
    pub emergency: bool,
    pub start: u32,
    pub end: u32,
}

/// Feature lookup: open addressing over FNV-1a hashes of the grams, built at first use (a few
/// thousand hashes) instead of shipping the table.
struct Index {
    slots: Vec<(u32, u16)>,
    /// Per feature, its row in the category head plus one, or 0 when the head does not read it.
    category_row: Vec<u16>,
}

impl Index {
    fn build(model: &LangModel) -> Index {
        let n = model.risk.weights.len();
        let size = (n * 2).next_power_of_two().max(16);
        let mut slots = vec![(0u32, 0u16); size];
        let (mut gram, mut rest) = (Vec::with_capacity(64), model.grams);
        for i in 0..n {
            let Some((&shared, tail)) = rest.split_first() else { break };
            let own = tail.iter().position(|&b| b < b' ').unwrap_or(tail.len());
            gram.truncate(usize::from(shared));
            gram.extend_from_slice(&tail[..own]);
            rest = &tail[own..];
            let hash = fnv1a(&gram);
            let mut h = hash as usize & (size - 1);
            while slots[h].1 != 0 {
                h = (h + 1) & (size - 1);
            }
            slots[h] = (hash, i as u16 + 1);
        }
        let mut category_row = vec![0u16; n];
        for (row, &f) in model.category_rows.iter().enumerate() {
            if let Some(slot) = category_row.get_mut(usize::from(f)) {
                *slot = row as u16 + 1;
            }
        }
        Index { slots, category_row }
    }

    /// The feature whose gram hashes to `hash` (a 32-bit collision with an unknown gram is
    /// possible but rare, and costs at most one weight).
    fn get(&self, hash: u32) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut h = hash as usize & mask;
        for _ in 0..self.slots.len() {
            let (k, v) = self.slots[h];
            if v == 0 {
                return None;
            }
            if k == hash {
                return Some(v as usize - 1);
            }
            h = (h + 1) & mask;
        }
        None
    }
}

fn index(lang: usize) -> Option<&'static Index> {
    static INDEXES: [OnceLock<Index>; 2] = [OnceLock::new(), OnceLock::new()];
    let model = MODELS.get(lang)?;
    Some(INDEXES.get(lang)?.get_or_init(|| Index::build(model)))
}

/// Buffers kept between calls: the words read and the features already counted.
#[derive(Default)]
pub(super) struct Scratch {
    /// (token index, function word) per word with text.
    words: Vec<(u32, bool)>,
    seen: Vec<u64>,
    /// The rules' hits within a part of the text (`score_part`).
    part_hits: Vec<Hit>,
}

/// The model's verdict on a text.
#[derive(Default)]
pub(super) struct Verdict {
    /// Risk found: the first language model in `langs` that reached its threshold.
    pub finding: Option<ModelFinding>,
    /// Every language model scored stayed below its veto for the rules' `concern`, for `urgent`, and
    /// for `concern` found only by weak rules.
    pub clear: [bool; 3],
}

/// How much of a message the model reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// The message (or a part read as one).
    Whole,
    /// One sentence of a longer message, read alone: risk needs the `sentence` threshold, and the
    /// urgency head never finds `urgent` alone.
    Sentence,
}

/// Scores the text with each language model in `langs` (bit 0 English, bit 1 Spanish), read as
/// `reading` says.
pub(super) fn score(tokens: &[Token], buf: &[u8], hits: &[Hit], langs: u8, scratch: &mut Scratch, reading: Reading) -> Verdict {
    // The words, as the trainer saw them: tokens with text, in order.
    // A lone function word ("i", "the") counts in the sum but never stands as the evidence.
    let plain = |t: &Token| flags(t.word) & (FIRST | NEG | OTHER | OTHER_ES | STOP_EN | STOP_ES | SUBJ) != 0;
    let Scratch { words, seen, .. } = scratch;
    words.clear();
    for (i, t) in tokens.iter().enumerate() {
        if t.end > t.start && buf.len() >= t.end as usize {
            if words.len() == MAX_WORDS {
                return Verdict::default();
            }
            words.push((i as u32, plain(t)));
        }
    }
    if words.is_empty() {
        return Verdict::default();
    }
    let mut verdict = Verdict { finding: None, clear: [true; 3] };
    for l in (0..MODELS.len()).filter(|l| langs >> l & 1 != 0) {
        let (finding, clear) = score_lang(l, tokens, buf, words, hits, seen, reading);
        verdict.clear = [0, 1, 2].map(|k| verdict.clear[k] && clear[k]);
        if finding.is_some() {
            verdict.finding = finding;
            break;
        }
    }
    verdict
}

/// Scores tokens `a..b` of a longer text alone, as a text of their own (with the rules' hits
/// among them); a finding's span is in the whole text's tokens. `reading` as for `score`.
pub(super) fn score_part(
    tokens: &[Token],
    buf: &[u8],
    hits: &[Hit],
    (a, b): (usize, usize),
    langs: u8,
    scratch: &mut Scratch,
    reading: Reading,
) -> Verdict {
    let tokens_of_part = tokens.get(a..b).unwrap_or_default();
    // A part too long to read (as `score` would find) is not read: a long text of short sentences,
    // with no place to cut it into pieces, is read whole, and its tails (`finding_in_a_tail`) and
    // the hits in them made the cost grow with the square of its length (10 s for 1 MB of "i want
    // to die. i want to kill myself.").
    if tokens_of_part.iter().filter(|t| t.end > t.start).nth(MAX_WORDS).is_some() {
        return Verdict::default();
    }
    let mut part = std::mem::take(&mut scratch.part_hits);
    part.clear();
    // Hits come in start order (`matcher::find`): a part's are found by binary search, not by
    // reading every hit of the text.
    let from = hits.partition_point(|h| (h.start as usize) < a);
    let near = hits.get(from..).unwrap_or_default().iter().take_while(|h| (h.start as usize) < b);
    part.extend(near.filter(|h| h.end as usize <= b).map(|h| Hit {
        start: h.start - a as u32,
        end: h.end - a as u32,
        ..*h
    }));
    let mut verdict = score(tokens_of_part, buf, &part, langs, scratch, reading);
    scratch.part_hits = part;
    if let Some(m) = verdict.finding.as_mut() {
        m.start += a as u32;
        m.end += a as u32;
    }
    verdict
}

fn score_lang(
    lang: usize,
    tokens: &[Token],
    buf: &[u8],
    words: &[(u32, bool)],
    hits: &[Hit],
    seen: &mut Vec<u64>,
    reading: Reading,
) -> (Option<ModelFinding>, [bool; 3]) {
    let (Some(model), Some(index)) = (MODELS.get(lang), index(lang)) else { return (None, [false; 3]) };
    seen.clear();
    seen.resize(model.risk.weights.len().div_ceil(64), 0);
    let (mut sum, mut urgency, mut emergency) = (model.risk.bias, model.urgency.bias, model.emergency.bias);
    let mut categories = model.category_bias;
    // The heaviest risk feature: (weight, first token, last token + 1).
    let mut heaviest = (0i32, 0u32, 0u32);
    let mut add = |hash: u32, start: usize, end: usize, shown: bool| {
        let Some(f) = index.get(hash) else { return };
        let (word, bit) = (f / 64, 1u64 << (f % 64));
        if seen[word] & bit != 0 {
            return; // features are present or not, as in training
        }
        seen[word] |= bit;
        let w = i32::from(model.risk.weights[f]);
        sum += w;
        urgency += model.urgency.weights.get(f).map_or(0, |&u| i32::from(u));
        emergency += model.emergency.weights.get(f).map_or(0, |&e| i32::from(e));
        if let Some(row) = index.category_row.get(f).and_then(|&r| usize::from(r).checked_sub(1)) {
            if let Some(ws) = model.category_weights.get(row * CATEGORIES..(row + 1) * CATEGORIES) {
                for (c, &w) in categories.iter_mut().zip(ws) {
                    *c += i32::from(w);
                }
            }
        }
        if shown && w > heaviest.0 {
            heaviest = (w, start as u32, end as u32 + 1);
        }
    };
    // The rules whose patterns matched, "!" marking a match a negator cancels (as the trainer
    // reads them from `before-you-rely words`); an exclusion among them makes the model wary.
    let rule_seed = fnv1a(b"@");
    let mut wary = false;
    for h in hits {
        if let Some(r) = rules().get(h.rule as usize) {
            wary |= r.kind == Kind::Exclude;
            let mut hash = fnv1a_from(rule_seed, r.id.as_bytes());
            if is_negated(tokens, r, h) {
                hash = fnv1a_from(hash, b"!");
            }
            add(hash, h.start as usize, h.end.saturating_sub(1) as usize, true);
        }
    }
    let char_seed = fnv1a(b"~");
    let text = |i: u32| tokens.get(i as usize).and_then(|t| buf.get(t.start as usize..t.end as usize)).unwrap_or_default();
    for (k, &(i, plain)) in words.iter().enumerate() {
        let (word, i) = (text(i), i as usize);
        let h = fnv1a(word);
        add(h, i, i, !plain);
        if let Some(&(j, _)) = words.get(k + 1) {
            add(fnv1a_from(fnv1a_from(h, b" "), text(j)), i, j as usize, true);
        }
        // The character grams of `<word>`, a window at a time (windows with non-ASCII bytes
        // were never features, so they simply find nothing).
        let padded = |n: usize| match n {
            0 => b'<',
            n if n <= word.len() => word[n - 1],
            _ => b'>',
        };
        for start in 0..(word.len() + 2).saturating_sub(CHAR_GRAM - 1) {
            let hash = (start..start + CHAR_GRAM).fold(char_seed, |h, n| fnv1a_from(h, &[padded(n)]));
            add(hash, i, i, !plain);
        }
    }
    let mut threshold = if words.len() > usize::from(model.long_words) {
        model.long_threshold
    } else {
        model.risk.threshold
    };
    if wary {
        threshold = threshold.max(model.wary_threshold);
    }
    if reading == Reading::Sentence {
        threshold = threshold.max(model.sentence_threshold);
    }
    let clear = model.veto.map(|v| sum < v);
    let (risk, alone) = (sum >= threshold, !wary && reading == Reading::Whole && urgency >= model.urgency_alone);
    if !(risk || alone) || heaviest.0 == 0 {
        return (None, clear);
    }
    let finding = (0..CATEGORIES).max_by_key(|&c| (categories[c], std::cmp::Reverse(c))).map(|best| ModelFinding {
        lang,
        category: Category::ALL[best],
        urgent: urgency >= model.urgency.threshold || emergency >= model.emergency.threshold,
        risk,
        emergency: emergency >= model.emergency.threshold,
        start: heaviest.1,
        end: heaviest.2,
    });
    (finding, clear)
}
