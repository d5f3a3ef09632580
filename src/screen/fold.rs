//! Character folding for the tokenizer: compatibility decomposition (NFKD) without combining
//! marks, lowercased, alphanumeric characters only, so accents are optional and full-width,
//! ligature, circled or "fancy" mathematical letters read as plain letters.
//!
//! The table is computed at build time (build/fold.rs) from unicode-normalization; the wasm
//! carries only these runs instead of the crate's decomposition and case tables. A character whose
//! full fold has no ASCII character in it (Greek, Cyrillic, Arabic, CJK...) reads as itself: the
//! lexicon is ASCII only, so all that matters for matching is that it stays a non-ASCII letter.

include!(concat!(env!("OUT_DIR"), "/fold.rs"));

/// Whether `c` is a combining mark (general category Mn, Mc or Me).
pub(super) fn is_combining_mark(c: char) -> bool {
    let c = c as u32;
    let i = MARKS.partition_point(|&r| r >> 11 <= c);
    i > 0 && MARKS.get(i - 1).is_some_and(|&r| c - (r >> 11) <= (r & 0x7ff))
}

/// Calls `push` with each character of the fold of `c`, an alphanumeric character that is not a
/// combining mark (nothing for a character that folds to nothing).
pub(super) fn fold(c: char, mut push: impl FnMut(char)) {
    let cp = c as u32;
    if let Some(s) = cp.checked_sub(0xAC00).filter(|s| *s < 11172) {
        // Hangul syllables decompose by formula into their leading, vowel and trailing jamo.
        let jamo = [0x1100 + s / 588, 0x1161 + s % 588 / 28, 0x11A7 + s % 28];
        for (k, j) in jamo.into_iter().enumerate() {
            if k < 2 || j != 0x11A7 {
                push(char::from_u32(j).unwrap_or(c));
            }
        }
        return;
    }
    let i = FOLD_RUNS.partition_point(|&(k, _)| k >> 11 <= cp);
    if let Some(&(key, value)) = i.checked_sub(1).and_then(|i| FOLD_RUNS.get(i)) {
        let off = cp - (key >> 11);
        let stride = (key >> 10 & 1) + 1;
        if off % stride == 0 && off / stride <= (key & 0x3ff) {
            if value >> 31 == 0 {
                push(char::from_u32(value + off).unwrap_or(c));
            } else {
                let at = (value >> 6 & 0x1ff_ffff) as usize;
                let s = FOLD_STRINGS.get(at..at + (value & 63) as usize).unwrap_or("");
                s.chars().for_each(push);
            }
            return;
        }
    }
    push(c);
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char as un;

    /// The fold as it was computed at run time before the table.
    fn reference(c: char) -> Vec<char> {
        let mut out = Vec::new();
        un::decompose_compatible(c, |d| {
            if !un::is_combining_mark(d) {
                out.extend(d.to_lowercase().filter(|l| l.is_alphanumeric()));
            }
        });
        out
    }

    #[test]
    fn matches_unicode_normalization_for_every_code_point() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_combining_mark(c), un::is_combining_mark(c), "U+{:04X}", c as u32);
            if c.is_alphanumeric() && !un::is_combining_mark(c) && !c.is_ascii() {
                let mut got = Vec::new();
                fold(c, |l| got.push(l));
                let want = reference(c);
                if got != want && !want.is_empty() && !want.iter().any(char::is_ascii) {
                    assert_eq!(got, [c], "U+{:04X} has no ASCII in its fold: it reads as itself", c as u32);
                } else {
                    assert_eq!(got, want, "U+{:04X}", c as u32);
                }
            }
        }
    }

    #[test]
    fn folds_fancy_letters() {
        let f = |s: &str| {
            let mut out = String::new();
            s.chars().for_each(|c| fold(c, |l| out.push(l)));
            out
        };
        assert_eq!(f("Ñ𝓀𝒾𝓁𝓁ｋⓘﬁÉ"), "nkillkifie");
    }
}
