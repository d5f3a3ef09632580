//! Finds every rule pattern in the tokens: a small backtracking match over word sets, optional
//! words and short gaps, started only at tokens whose word can begin a pattern, and never across
//! a sentence boundary.

use super::lexicon::{groups_of, in_set, pattern, patterns_from, Elem, GROUPS};
use super::normalize::{Token, NO_WORD, SENTENCE};

/// A raw pattern match: tokens `start..end` matched a pattern of rule `rule`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub rule: u16,
    pub start: u32,
    pub end: u32,
    /// Bit k: token `start + k` was skipped by a gap (a negator there negates the match).
    pub skipped: u32,
}

/// Appends to `hits` every match of a rule whose language bit is in `langs`.
/// At most one match per (pattern, start token): the shortest. `present` is scratch: the anchor
/// groups of the sentence being matched (all clear between sentences).
pub(super) fn find(tokens: &[Token], langs: u8, present: &mut Vec<u64>, hits: &mut Vec<Hit>) {
    present.clear();
    present.resize(GROUPS.div_ceil(64), 0);
    let bit = |g: u16| (g as usize / 64, 1u64 << (g % 64));
    let mut begin = 0;
    while begin < tokens.len() {
        let mut end = begin + 1;
        while end < tokens.len() && tokens[end].brk != SENTENCE {
            end += 1;
        }
        let sentence = &tokens[begin..end];
        // Most sentences hold no anchor word at all: then no pattern can match in them.
        let mut any = false;
        for t in sentence {
            for &g in groups_of(t.word) {
                let (w, m) = bit(g);
                if let Some(x) = present.get_mut(w) {
                    *x |= m;
                    any = true;
                }
            }
        }
        if any {
            for i in begin..end {
                let word = tokens[i].word;
                if word == NO_WORD {
                    continue;
                }
                for &p in patterns_from(word) {
                    let Some((pat, elems)) = pattern(p) else { continue };
                    let (w, m) = bit(pat.anchor);
                    if pat.lang & langs == 0 || present.get(w).map_or(0, |x| x & m) == 0 {
                        continue;
                    }
                    if let Some((stop, skipped)) = match_from(tokens, i, i + 1, &elems[1..], end) {
                        hits.push(Hit {
                            rule: pat.rule,
                            start: i as u32,
                            end: stop as u32,
                            skipped,
                        });
                    }
                }
            }
            for t in sentence {
                for &g in groups_of(t.word) {
                    if let Some(x) = present.get_mut(g as usize / 64) {
                        *x = 0;
                    }
                }
            }
        }
        begin = end;
    }
}

/// Matches `elems` from token `pos` (the match began at `start`); returns the end (exclusive) of
/// the shortest match and which tokens gaps skipped.
fn match_from(tokens: &[Token], start: usize, pos: usize, elems: &[Elem], limit: usize) -> Option<(usize, u32)> {
    let Some((e, rest)) = elems.split_first() else {
        return Some((pos, 0));
    };
    let here = |p: usize| p < limit && in_set(e, tokens[p].word);
    match e.kind {
        0 => here(pos)
            .then(|| match_from(tokens, start, pos + 1, rest, limit))
            .flatten(),
        1 => {
            if here(pos) {
                if let Some(m) = match_from(tokens, start, pos + 1, rest, limit) {
                    return Some(m);
                }
            }
            match_from(tokens, start, pos, rest, limit)
        }
        _ => (0..=e.len as usize).take_while(|k| pos + k <= limit).find_map(|k| {
            let (end, mut skipped) = match_from(tokens, start, pos + k, rest, limit)?;
            for p in pos..pos + k {
                skipped |= 1u32.checked_shl((p - start) as u32).unwrap_or(0);
            }
            Some((end, skipped))
        }),
    }
}
