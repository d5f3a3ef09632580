//! Finds every rule pattern in the tokens: a small backtracking match over word sets, optional
//! words and short gaps, started only at tokens whose word can begin a pattern, and never across
//! a sentence boundary.

use super::lexicon::{in_set, pattern, patterns_from, Elem};
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
/// At most one match per (pattern, start token): the shortest.
pub(super) fn find(tokens: &[Token], langs: u8, hits: &mut Vec<Hit>) {
    let mut sentence_end = 0;
    for i in 0..tokens.len() {
        if i >= sentence_end {
            sentence_end = i + 1;
            while sentence_end < tokens.len() && tokens[sentence_end].brk != SENTENCE {
                sentence_end += 1;
            }
        }
        let word = tokens[i].word;
        if word == NO_WORD {
            continue;
        }
        for &p in patterns_from(word) {
            let Some((pat, elems)) = pattern(p) else { continue };
            if pat.lang & langs == 0 {
                continue;
            }
            if let Some((end, skipped)) = match_from(tokens, i, i + 1, &elems[1..], sentence_end) {
                hits.push(Hit {
                    rule: pat.rule,
                    start: i as u32,
                    end: end as u32,
                    skipped,
                });
            }
        }
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
