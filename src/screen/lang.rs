//! Which lexicons to screen a text with: counts English and Spanish function words.

use super::lexicon::{flags, STOP_EN, STOP_ES};
use super::normalize::{Token, SENTENCE};
use crate::Lang;

pub(super) const EN: u8 = 1;
pub(super) const ES: u8 = 2;
pub(super) const ALL: u8 = EN | ES;

/// The language the function words clearly point to, if any: at least two of them, and three
/// times as many as the other language's.
pub(super) fn detect(tokens: &[Token]) -> Option<Lang> {
    let mut counts = [0u32; 2];
    for t in tokens {
        count(&mut counts, t.word);
    }
    decide(counts)
}

/// The lexicons to match a whole text with (`lexicons`, widened to every language some sentence
/// leans to) and the language detected over the text. A code-switched message ("long day at work.
/// tome todas las pastillas") is clearly English as a whole, yet one of its sentences is read with
/// the Spanish rules too.
pub(super) fn lexicons_of(tokens: &[Token], hint: Option<Lang>) -> (u8, Option<Lang>) {
    // A sentence leans to a language with at least two of its function words, and at least half
    // as many as the other language's.
    let lean = |[en, es]: [u32; 2]| if en >= 2 && 2 * en >= es { EN } else { 0 } | if es >= 2 && 2 * es >= en { ES } else { 0 };
    let (mut total, mut sentence, mut leans) = ([0u32; 2], [0u32; 2], 0);
    for t in tokens {
        if t.brk & SENTENCE != 0 {
            leans |= lean(std::mem::take(&mut sentence));
        }
        count(&mut total, t.word);
        count(&mut sentence, t.word);
    }
    leans |= lean(sentence);
    let detected = decide(total);
    (lexicons(hint, detected) | leans, detected)
}

/// Adds `word` to the counts of English and Spanish function words.
#[inline]
pub(super) fn count(counts: &mut [u32; 2], word: u16) {
    let f = flags(word);
    counts[0] += u32::from(f & STOP_EN != 0);
    counts[1] += u32::from(f & STOP_ES != 0);
}

/// `detect` from the counts of English and Spanish function words (`count`).
pub(super) fn decide([en, es]: [u32; 2]) -> Option<Lang> {
    if en >= 2 && en >= 3 * es {
        Some(Lang::En)
    } else if es >= 2 && es >= 3 * en {
        Some(Lang::Es)
    } else {
        None
    }
}

/// The lexicon bit of a language.
pub(super) fn bit(l: Lang) -> u8 {
    if l == Lang::En {
        EN
    } else {
        ES
    }
}

/// The lexicons to use: the detected language when the text clearly is in it and agrees with
/// the hint; every lexicon when the text is mixed, unknown, or not in the hinted language.
pub(super) fn lexicons(hint: Option<Lang>, detected: Option<Lang>) -> u8 {
    match (hint, detected) {
        (_, None) => ALL,
        (None, Some(d)) => bit(d),
        (Some(h), Some(d)) if h == d => bit(d),
        _ => ALL,
    }
}
