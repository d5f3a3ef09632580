//! Finds every rule pattern in the tokens: a small backtracking match over word sets, optional
//! words and short gaps, started only at tokens whose word can begin a pattern, and never across
//! a sentence boundary.

use super::lexicon::{Candidate, Elem};
use super::normalize::{Token, NO_WORD, SENTENCE};
use super::sort_by_key;
use super::tables::{tables, Tables, LONG_LIST};

/// A raw pattern match: tokens `start..end` matched a pattern of rule `rule`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub rule: u16,
    pub start: u32,
    pub end: u32,
    /// Bit k: token `start + k` was skipped by a gap (a negator there negates the match).
    pub skipped: u32,
}

/// Kept between calls: which anchor groups the sentence being matched holds.
#[derive(Default)]
pub(super) struct Scratch {
    /// Per anchor group: the last sentence (a count of `sentence`) that held one of its words.
    seen: Vec<u32>,
    sentence: u32,
    /// The candidates of one token worth trying, and whether their second word already matched.
    tries: Vec<(Candidate, bool)>,
}

/// Appends to `hits` every match of a rule whose language bit is in `langs`, in order of start
/// token (the word model finds a sentence's hits by binary search). At most one match per
/// (pattern, start token): the shortest.
pub(super) fn find(tokens: &[Token], langs: u8, hits: &mut Vec<Hit>, scratch: &mut Scratch) {
    let t = tables();
    let Scratch { seen, sentence, tries } = scratch;
    if seen.len() != t.groups + 1 {
        *seen = vec![0; t.groups + 1];
        *sentence = 0;
    }
    let mut begin = 0;
    while begin < tokens.len() {
        // The anchor bits of the sentence (most sentences have none, and then nothing can match),
        // and the anchor groups it holds: the bits are shared by many anchor sets, a group is exact.
        // One pass finds the sentence's end and reads them.
        *sentence = sentence.wrapping_add(1);
        if *sentence == 0 {
            seen.fill(0);
            *sentence = 1;
        }
        let now = *sentence;
        let mut mask = 0;
        let mut end = begin;
        for tok in tokens.get(begin..).unwrap_or_default() {
            if end > begin && tok.brk == SENTENCE {
                break;
            }
            end += 1;
            mask |= t.anchor_mask(tok.word);
            let w = usize::from(tok.word);
            if let (Some(&a), Some(&b)) = (t.word_groups_start.get(w), t.word_groups_start.get(w + 1)) {
                for &g in t.word_groups.get(a as usize..b as usize).unwrap_or(&[]) {
                    if let Some(s) = seen.get_mut(usize::from(g)) {
                        *s = now;
                    }
                }
            }
        }
        if mask != 0 {
            let seen = &*seen;
            let anchored = |c: Candidate| {
                let g = c.group();
                g == 0 || seen.get(usize::from(g)) == Some(&now)
            };
            for i in begin..end {
                let word = tokens[i].word;
                if word == NO_WORD {
                    continue;
                }
                let list = t.patterns_from(word);
                let next = tokens.get(i + 1).filter(|_| i + 1 < end).map_or(NO_WORD, |t| t.word);
                // Most candidates fail here: kept inline, before any call.
                let wanted = |c: Candidate| c.may_follow(next) && c.langs() & langs != 0 && anchored(c);
                tries.clear();
                // (Only a long list has runs.)
                if let Some(runs) = if list.len() > LONG_LIST { t.bit_runs(word) } else { None } {
                    // A long list (a common first word): visit only the runs of the sentence's bits.
                    let mut bits = mask;
                    while bits != 0 {
                        let bit = bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        let (from, to) = (runs[bit] as usize, runs[bit + 1] as usize);
                        let run = list.get(from..to).unwrap_or(&[]).iter();
                        tries.extend(run.filter(|&&c| wanted(c)).map(|&c| (c, false)));
                    }
                } else {
                    tries.extend(list.iter().filter(|&&c| mask >> c.bit() & 1 != 0 && wanted(c)).map(|&c| (c, false)));
                }
                if next != NO_WORD {
                    let first = tries.len();
                    let pairs = t.pair_patterns(word, next).iter();
                    tries.extend(pairs.filter(|&&c| mask >> c.bit() & 1 != 0 && wanted(c)).map(|&c| (c, true)));
                    // Matches come in (anchor bit, pattern) order, as the first-word list is.
                    if tries.len() > first.max(1) {
                        sort_by_key(tries, |&(c, _)| (c.bit(), c.pattern()));
                    }
                }
                for &(c, paired) in tries.iter() {
                    try_pattern(t, tokens, i, end, c, paired, hits);
                }
            }
        }
        begin = end;
    }
}

/// Tries one candidate pattern at token `i` (`paired`: from `pair_patterns`, its second word
/// matched too).
fn try_pattern(t: &Tables, tokens: &[Token], i: usize, end: usize, c: Candidate, paired: bool, hits: &mut Vec<Hit>) {
    let Some((pat, elems)) = t.pattern(c.pattern()) else { return };
    let from = if paired { 2 } else { 1 };
    if let Some((stop, skipped)) = match_from(t, tokens, i, i + from, elems.get(from..).unwrap_or(&[]), end) {
        hits.push(Hit {
            rule: pat.rule,
            start: i as u32,
            end: stop as u32,
            skipped,
        });
    }
}

/// Matches `elems` from token `pos` (the match began at `start`); returns the end (exclusive) of
/// the shortest match and which tokens gaps skipped.
fn match_from(t: &Tables, tokens: &[Token], start: usize, pos: usize, elems: &[Elem], limit: usize) -> Option<(usize, u32)> {
    let Some((e, rest)) = elems.split_first() else {
        return Some((pos, 0));
    };
    let here = |p: usize| p < limit && t.in_set(e, tokens[p].word);
    match e.kind() {
        0 => here(pos)
            .then(|| match_from(t, tokens, start, pos + 1, rest, limit))
            .flatten(),
        1 => {
            if here(pos) {
                if let Some(m) = match_from(t, tokens, start, pos + 1, rest, limit) {
                    return Some(m);
                }
            }
            match_from(t, tokens, start, pos, rest, limit)
        }
        _ => (0..=e.len()).take_while(|k| pos + k <= limit).find_map(|k| {
            let (end, mut skipped) = match_from(t, tokens, start, pos + k, rest, limit)?;
            for p in pos..pos + k {
                skipped |= 1u32.checked_shl((p - start) as u32).unwrap_or(0);
            }
            Some((end, skipped))
        }),
    }
}
