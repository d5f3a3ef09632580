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

/// Counts function words over a text and in each of its sentences: a code-switched message
/// ("long day at work. tome todas las pastillas") is clearly English as a whole, yet one of its
/// sentences is read with the Spanish rules too.
#[derive(Default)]
pub(super) struct Counts {
    total: [u32; 2],
    sentence: [u32; 2],
    /// The lexicons some sentence leans to: at least two of its function words, and at least half as many as the other language's.
    leans: u8,
}

impl Counts {
    /// Adds `word`; `starts_sentence`: its token begins a sentence.
    #[inline]
    pub fn add(&mut self, word: u16, starts_sentence: bool) {
        if starts_sentence {
            self.end_sentence();
        }
        count(&mut self.total, word);
        count(&mut self.sentence, word);
    }

    fn end_sentence(&mut self) {
        let [en, es] = std::mem::take(&mut self.sentence);
        self.leans |= if en >= 2 && 2 * en >= es { EN } else { 0 } | if es >= 2 && 2 * es >= en { ES } else { 0 };
    }

    /// The lexicons to match with (`lexicons`, widened by every sentence's lean) and the language
    /// detected over the whole text.
    pub fn lexicons(&mut self, hint: Option<Lang>) -> (u8, Option<Lang>) {
        self.end_sentence();
        let detected = decide(self.total);
        (lexicons(hint, detected) | self.leans, detected)
    }
}

/// The lexicons and detected language of a whole text (`Counts::lexicons`).
pub(super) fn lexicons_of(tokens: &[Token], hint: Option<Lang>) -> (u8, Option<Lang>) {
    let mut counts = Counts::default();
    for t in tokens {
        counts.add(t.word, t.brk & SENTENCE != 0);
    }
    counts.lexicons(hint)
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
