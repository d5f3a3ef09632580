//! Which lexicons to screen a text with: counts English and Spanish function words.

use super::lexicon::{flags, STOP_EN, STOP_ES};
use super::normalize::Token;
use crate::Lang;

pub(super) const EN: u8 = 1;
pub(super) const ES: u8 = 2;
pub(super) const ALL: u8 = EN | ES;

/// The language the function words clearly point to, if any: at least two of them, and three
/// times as many as the other language's.
pub(super) fn detect(tokens: &[Token]) -> Option<Lang> {
    let (mut en, mut es) = (0u32, 0u32);
    for t in tokens {
        let f = flags(t.word);
        en += u32::from(f & STOP_EN != 0);
        es += u32::from(f & STOP_ES != 0);
    }
    decide(en, es)
}

/// `detect` from the counts of English and Spanish function words.
pub(super) fn decide(en: u32, es: u32) -> Option<Lang> {
    if en >= 2 && en >= 3 * es {
        Some(Lang::En)
    } else if es >= 2 && es >= 3 * en {
        Some(Lang::Es)
    } else {
        None
    }
}

/// The lexicons to use: the detected language when the text clearly is in it and agrees with
/// the hint; every lexicon when the text is mixed, unknown, or not in the hinted language.
pub(super) fn lexicons(hint: Option<Lang>, detected: Option<Lang>) -> u8 {
    let bit = |l: Lang| if l == Lang::En { EN } else { ES };
    match (hint, detected) {
        (_, None) => ALL,
        (None, Some(d)) => bit(d),
        (Some(h), Some(d)) if h == d => bit(d),
        _ => ALL,
    }
}
