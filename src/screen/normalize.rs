//! Folds text into words the lexicon can match, keeping where each word came from.
//!
//! Every character is read once: compatibility decomposition (NFKD) with combining marks
//! dropped and lowercase (so accents are optional and full-width or ligature letters read as
//! plain letters), apostrophes and zero-width characters dropped, masked and leet spellings
//! inside a word read as letters (`k*ll`, `su1c1de`), runs of three or more of a letter squeezed
//! to one (`diiiie`), and a few emoji read as pseudo-words (`#pill`). Each token keeps the UTF-16
//! span of its first and last original character, so evidence spans are exact and never split
//! a surrogate pair.
//!
//! The folded words go into `buf` back to back; `lexicon::assign_words` looks each one up.

use super::fold::{fold, is_combining_mark};
use super::tables::short_word;

/// No word id (the token is not in any lexicon).
pub(super) const NO_WORD: u16 = u16::MAX;

/// Where a token starts a new clause (after `,` `:` ...) or a new sentence (after `.` `!` `?` `\n`).
pub(super) const CLAUSE: u8 = 1;
pub(super) const SENTENCE: u8 = 2;

#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    /// Byte range of the folded word in `Text::buf` (empty for emoji pseudo-words).
    pub start: u32,
    pub end: u32,
    /// UTF-16 span in the original text.
    pub u16_start: u32,
    pub u16_end: u32,
    pub word: u16,
    /// CLAUSE or SENTENCE when a boundary comes right before this token.
    pub brk: u8,
    /// An ellipsis (`...`, `…`) comes right before this token: a word that carries the sentence on
    /// ("me quiero morir... de risa") makes its SENTENCE a CLAUSE (`lexicon::assign_word`).
    pub ellipsis: bool,
}

/// The folded text: reused between calls to avoid allocating per message.
#[derive(Default)]
pub(super) struct Text {
    /// The folded words, back to back (tokens index into it).
    pub buf: Vec<u8>,
    pub tokens: Vec<Token>,
}

/// Bit 7 of every byte of a word of eight.
const HIGH: u64 = 0x8080_8080_8080_8080;
const LANES: u64 = 0x0101_0101_0101_0101;

/// Appends the run of ASCII letters and digits at `bytes[i..]` to `buf`, lowercased; returns its
/// length, whether it is plain (letters only, none three times in a row) and its first eight
/// bytes as a little-endian word, zeros after the run. Eight bytes at a time: per byte (bit 7 of
/// its lane), whether it is a letter or a digit, by lane arithmetic that never carries (bytes
/// below 0x80).
fn ascii_run(bytes: &[u8], i: usize, buf: &mut Vec<u8>) -> (usize, bool, u64) {
    // Bit 7 of a lane: the lane (below 0x80) is at least `c`; the lane is not zero.
    let at_least = |v: u64, c: u8| v + u64::from(0x80 - c) * LANES;
    let nonzero = |v: u64| (((v & !HIGH) + !HIGH) | v) & HIGH;
    let (mut len, mut digits, mut triple, mut key) = (0, 0, 0, None);
    loop {
        // Eight bytes, little-endian (the first in the low lane), zeros past the end.
        let from = i + len;
        let x = match bytes.get(from..from + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
            Some(eight) => u64::from_le_bytes(eight),
            None => {
                let mut eight = [0u8; 8];
                for (e, &b) in eight.iter_mut().zip(bytes.get(from..).unwrap_or_default()) {
                    *e = b;
                }
                u64::from_le_bytes(eight)
            }
        };
        let (v, ascii) = (x & !HIGH, !x & HIGH);
        let lower = v | (0x20 * LANES);
        let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1) & ascii;
        let digit = at_least(v, b'0') & !at_least(v, b'9' + 1) & ascii;
        // The first lane that is neither ends the run (none: all eight are in it).
        let stop = !(letter | digit) & HIGH;
        let within = (stop & stop.wrapping_neg()).wrapping_sub(1);
        digits |= digit & within;
        // Letters gain 0x20 (lowercase); the lanes past the run are cut off.
        let folded = x | (letter & HIGH) >> 2;
        let kept = buf.len();
        buf.extend_from_slice(&folded.to_le_bytes());
        let run = (stop.trailing_zeros() / 8) as usize;
        buf.truncate(kept + run);
        // The lanes of the run: every bit below the stopping lane.
        key.get_or_insert(folded & ((stop & stop.wrapping_neg()) >> 7).wrapping_sub(1));
        // Lanes k where bytes k, k + 1 and k + 2 are one byte, within the run.
        let same = !nonzero(folded ^ folded >> 8) & HIGH;
        triple |= same & same >> 8 & within >> 16;
        len += run;
        if run < 8 {
            break;
        }
    }
    // A run longer than eight: a triple may straddle two words of eight.
    if len > 8 && triple == 0 && digits == 0 {
        let run = buf.get(buf.len() - len..).unwrap_or_default();
        triple = u64::from(run.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]));
    }
    (len, digits == 0 && triple == 0, key.unwrap_or(0))
}

/// Characters read as letters inside a word (`k*ll`, `h@ng`, `su1c1de`).
fn leet(b: u8) -> Option<u8> {
    Some(match b {
        b'0' => b'o',
        b'1' | b'!' | b'*' | b'|' => b'i',
        b'3' => b'e',
        b'4' | b'@' => b'a',
        b'5' | b'$' => b's',
        b'7' | b'+' => b't',
        _ => return None,
    })
}

fn is_leet_symbol(b: u8) -> bool {
    matches!(b, b'!' | b'*' | b'|' | b'@' | b'$' | b'+')
}

/// The fold of U+00C0..=U+00FF (UTF-8 `C3 80`..`C3 BF`: the accented letters of Spanish and
/// the other Latin languages) when it is one ASCII letter; 0 for the rest (Æ, Ð, ×, Ø, Þ, ß, æ,
/// ð, ÷, ø, þ), which take the general path. None of them is an emoji, an apostrophe, a mark or
/// invisible (the test `latin1_fast_path_folds_as_fold_does` checks this table against `fold`).
const LATIN1: &[u8; 64] = b"aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}' | '\u{FE00}'..='\u{FE0F}' | '\u{034F}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '\u{FF07}'
    )
}

struct Builder<'a> {
    text: &'a mut Text,
    emoji: &'a [(char, u16)],
    /// Whether a token is being built at the end of `Text::buf` (from `open_at`).
    open: bool,
    open_at: usize,
    open_u16: u32,
    last_u16_end: u32,
    pending: u8,
    /// An ellipsis ends the text read so far (the next token comes after it).
    ellipsis: bool,
}

impl Builder<'_> {
    fn open(&mut self, u16_start: u32) {
        if !self.open {
            self.open = true;
            self.open_at = self.text.buf.len();
            self.open_u16 = u16_start;
        }
    }

    fn push_char(&mut self, c: char, u16_start: u32) {
        self.open(u16_start);
        let mut tmp = [0u8; 4];
        self.text.buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
    }

    fn brk(&mut self, level: u8) {
        self.close();
        self.pending = self.pending.max(level);
        self.ellipsis = false;
    }

    fn close(&mut self) {
        if !std::mem::take(&mut self.open) {
            return;
        }
        let buf = &mut self.text.buf;
        // Trailing symbols were punctuation after all ("kill!").
        let mut bang = false;
        while buf.len() > self.open_at && buf.last().is_some_and(|&b| is_leet_symbol(b)) {
            match buf.last() {
                Some(&last) if is_leet_symbol(last) => {
                    bang |= last == b'!';
                    buf.pop();
                }
                _ => break,
            }
        }
        let start = self.open_at;
        let (len, word) = buf.get_mut(start..).map_or((0, NO_WORD), fold_word);
        buf.truncate(start + len);
        self.text.tokens.push(Token {
            start: start as u32,
            end: (start + len) as u32,
            u16_start: self.open_u16,
            u16_end: self.last_u16_end,
            word,
            brk: self.pending,
            ellipsis: std::mem::take(&mut self.ellipsis),
        });
        self.pending = if bang { SENTENCE } else { 0 };
    }

    /// A token that is one run of ASCII letters and digits, already lowercased in `buf[at..]`
    /// (`open`, the run and `close` at once). `plain`: the run is letters only, none three times
    /// in a row (`fold_word` would leave it), with its first eight bytes as a word: a plain word
    /// of up to eight letters gets its id here (`tables::short_word`), the one
    /// `lexicon::assign_words` would give it.
    fn word(&mut self, at: usize, plain: Option<u64>, u16_start: u32, u16_end: u32) {
        let buf = &mut self.text.buf;
        let folded = buf.get_mut(at..).unwrap_or_default();
        let (len, word) = match plain {
            Some(key) if folded.len() <= 8 => (folded.len(), short_word(key)),
            Some(_) => (folded.len(), NO_WORD),
            None => fold_word(folded),
        };
        buf.truncate(at + len);
        self.text.tokens.push(Token {
            start: at as u32,
            end: (at + len) as u32,
            u16_start,
            u16_end,
            word,
            brk: self.pending,
            ellipsis: std::mem::take(&mut self.ellipsis),
        });
        self.pending = 0;
    }

    fn pseudo(&mut self, word: u16, u16_start: u32, u16_end: u32) {
        self.close();
        let at = self.text.buf.len() as u32;
        self.text.tokens.push(Token {
            start: at,
            end: at,
            u16_start,
            u16_end,
            word,
            brk: self.pending,
            ellipsis: std::mem::take(&mut self.ellipsis),
        });
        self.pending = 0;
    }
}

/// Leet letters, squeezed repeats and numbers, in place on one token's bytes.
/// Returns the new length and the pseudo-word for a number (else NO_WORD). Only ASCII bytes are
/// rewritten or dropped, so the bytes stay valid UTF-8.
fn fold_word(bytes: &mut [u8]) -> (usize, u16) {
    let n = bytes.len();
    let repeats = bytes.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
    // Most words are plain letters: no number, no leet.
    if bytes.iter().all(|b| !b.is_ascii() || b.is_ascii_lowercase()) && !repeats {
        return (n, NO_WORD);
    }
    let digits = bytes.iter().all(u8::is_ascii_digit);
    let leety = bytes.iter().any(|&b| leet(b).is_some());
    if digits {
        let value = bytes.iter().take(10).fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
        let word = if value >= 10 {
            super::lexicon::WORD_MANY
        } else {
            super::lexicon::WORD_NUM
        };
        return (n, word);
    }
    if leety {
        for r in 1..n {
            if let Some(l) = leet(bytes[r]) {
                let next_ok = r + 1 < n && (bytes[r + 1].is_ascii_alphanumeric() || leet(bytes[r + 1]).is_some());
                if bytes[r - 1].is_ascii_alphabetic() && next_ok {
                    bytes[r] = l;
                }
            }
        }
    }
    if !(repeats || leety) {
        return (n, NO_WORD);
    }
    // Squeeze a run of three or more of one letter to that letter ("diiiie" -> "die").
    let (mut w, mut r) = (0, 0);
    while r < n {
        let b = bytes[r];
        let mut k = r + 1;
        while k < n && bytes[k] == b {
            k += 1;
        }
        let keep = if b.is_ascii_alphabetic() && k - r >= 3 {
            1
        } else {
            k - r
        };
        for _ in 0..keep {
            bytes[w] = b;
            w += 1;
        }
        r = k;
    }
    (w, NO_WORD)
}

/// Splits and folds `input` into `text` (cleared first).
pub(super) fn tokenize(input: &str, text: &mut Text, emoji: &[(char, u16)]) {
    text.buf.clear();
    text.tokens.clear();
    tokenize_more(input, text, emoji, 0);
}

/// Whether a text may be cut into pieces just after byte `k` (see `tokenize_more`): a `.` alone
/// (not in a run of dots: whether an ellipsis ends a sentence depends on the word after it),
/// `?`, `;` or a newline.
pub(super) fn cut_after(bytes: &[u8], k: usize) -> bool {
    match bytes.get(k) {
        Some(b'.') => bytes.get(k + 1) != Some(&b'.') && (k == 0 || bytes.get(k - 1) != Some(&b'.')),
        Some(b) => matches!(b, b'?' | b';' | b'\n'),
        None => false,
    }
}

/// Splits and folds `input` onto the end of `text`, as the text that continues from UTF-16 offset
/// `pos`; returns the offset after it. Reading a text in pieces, each cut just after a `.` (one
/// alone, not in an ellipsis), `?`, `;` or newline, gives exactly the tokens of reading it whole:
/// such a byte always closes the word before it and starts a sentence (the state a text starts
/// in), and a word never looks past it.
pub(super) fn tokenize_more(input: &str, text: &mut Text, emoji: &[(char, u16)], mut pos: u32) -> u32 {
    let first = text.tokens.len();
    let mut b = Builder {
        text,
        emoji,
        open: false,
        open_at: 0,
        open_u16: 0,
        last_u16_end: 0,
        pending: SENTENCE,
        ellipsis: false,
    };
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii() {
            let start = pos;
            if byte.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits: one UTF-16 unit per byte.
                let at = b.text.buf.len();
                let (len, plain, key) = ascii_run(bytes, i, &mut b.text.buf);
                pos += len as u32;
                i += len;
                // The commonest token of all: the whole run, ended by a space or punctuation that
                // cannot continue it (an apostrophe, a leet symbol or a non-ASCII letter can).
                let ends = |n: u8| n.is_ascii() && !is_leet_symbol(n) && n != b'\'' && n != b'`';
                if !b.open && bytes.get(i).is_none_or(|&n| ends(n)) {
                    b.word(at, plain.then_some(key), start, pos);
                    // A space after it only ends it.
                    if bytes.get(i) == Some(&b' ') {
                        i += 1;
                        pos += 1;
                    }
                    continue;
                }
                if !b.open {
                    (b.open, b.open_at, b.open_u16) = (true, at, start);
                }
                b.last_u16_end = pos;
                continue;
            }
            i += 1;
            pos += 1;
            if byte == b' ' {
                // The commonest byte of all: it only ends a word.
                b.close();
            } else if byte == b'\'' || byte == b'`' {
                // dropped: "don't" reads as "dont"
            } else if is_leet_symbol(byte) && b.open {
                b.text.buf.push(byte);
                b.last_u16_end = pos;
            } else {
                match byte {
                    b'.' => {
                        b.brk(SENTENCE);
                        // Two dots or more: an ellipsis (`i` is past this dot).
                        b.ellipsis = bytes.get(i) == Some(&b'.') || i >= 2 && bytes.get(i - 2) == Some(&b'.');
                    }
                    b'!' | b'?' | b';' | b'\n' => b.brk(SENTENCE),
                    b',' | b':' | b'(' | b')' | b'"' => b.brk(CLAUSE),
                    _ => b.close(),
                }
            }
            continue;
        }
        // An accented Latin letter that folds to one ASCII letter: what the general path below
        // does for it (one UTF-16 unit, one byte into the word).
        if byte == 0xC3 {
            if let Some(&l) = bytes.get(i + 1).and_then(|&n| LATIN1.get(usize::from(n.wrapping_sub(0x80)))) {
                if l != 0 {
                    b.open(pos);
                    b.text.buf.push(l);
                    i += 2;
                    pos += 1;
                    b.last_u16_end = pos;
                    continue;
                }
            }
        }
        let Some(c) = input.get(i..).and_then(|rest| rest.chars().next()) else { break };
        i += c.len_utf8();
        let start = pos;
        pos += c.len_utf16() as u32;
        if is_invisible(c) || is_apostrophe(c) || is_combining_mark(c) {
            continue;
        }
        if let Ok(k) = b.emoji.binary_search_by(|(e, _)| e.cmp(&c)) {
            let word = b.emoji[k].1;
            b.pseudo(word, start, pos);
            continue;
        }
        if c.is_alphanumeric() {
            let mut any = false;
            fold(c, |l| {
                b.push_char(l, start);
                any = true;
            });
            if any {
                b.last_u16_end = pos;
            }
            continue;
        }
        match c {
            '…' => {
                b.brk(SENTENCE);
                b.ellipsis = true;
            }
            '¿' | '¡' | '。' | '！' | '？' | '\u{2028}' | '\u{2029}' => b.brk(SENTENCE),
            '“' | '”' | '«' | '»' | '—' | '–' => b.brk(CLAUSE),
            _ => b.close(),
        }
    }
    b.close();
    join_spelled_out(text, first);
    pos
}

/// At least this many letters spelled out one at a time read as one word.
const SPELLED_OUT: usize = 4;

/// Letters spelled out one at a time ("s u i c i d e", "k-i-l-l") are read as the word they
/// spell: a run of at least SPELLED_OUT one-letter tokens of `text.tokens[from..]` with no
/// boundary between them becomes one token (their letters already sit back to back in `buf`).
/// Runs never cross a sentence, so reading a text in pieces still gives the tokens of reading it
/// whole.
fn join_spelled_out(text: &mut Text, from: usize) {
    let Text { buf, tokens } = text;
    let letter = |t: &Token| t.end == t.start + 1 && buf.get(t.start as usize).is_some_and(u8::is_ascii_lowercase);
    // The end of the run of letters that starts at token `i` (`i + 1` when there is none).
    let run_end = |tokens: &[Token], i: usize| {
        let mut j = i + 1;
        if letter(&tokens[i]) {
            while j < tokens.len() && letter(&tokens[j]) && tokens[j].brk == 0 && tokens[j].start == tokens[j - 1].end {
                j += 1;
            }
        }
        j
    };
    // Almost every text has no such run: find the first one before writing any token.
    let Some(first) = (from..tokens.len()).find(|&i| run_end(tokens, i) - i >= SPELLED_OUT) else { return };
    let (mut out, mut i) = (first, first);
    while i < tokens.len() {
        let mut j = run_end(tokens, i);
        let mut t = tokens[i];
        if j - i >= SPELLED_OUT {
            (t.end, t.u16_end, t.word) = (tokens[j - 1].end, tokens[j - 1].u16_end, NO_WORD);
        } else {
            j = i + 1;
        }
        tokens[out] = t;
        out += 1;
        i = j;
    }
    tokens.truncate(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut t = Text::default();
        tokenize(s, &mut t, &[]);
        t.tokens
            .iter()
            .map(|k| String::from_utf8_lossy(&t.buf[k.start as usize..k.end as usize]).into_owned())
            .collect()
    }

    #[test]
    fn joins_letters_spelled_out() {
        assert_eq!(words("thinking about s u i c i d e"), ["thinking", "about", "suicide"]);
        assert_eq!(words("k-i-l-l myself"), ["kill", "myself"]);
        // Three letters stay apart ("i a m", initials); a boundary ends a run.
        assert_eq!(words("i a m ok"), ["i", "a", "m", "ok"]);
        assert_eq!(words("a b. c d"), ["a", "b", "c", "d"]);
        // The span covers the letters as written.
        let mut t = Text::default();
        tokenize("so s u i c i d e", &mut t, &[]);
        assert_eq!((t.tokens[1].u16_start, t.tokens[1].u16_end), (3, 16));
    }

    #[test]
    fn folds_case_accents_apostrophes_and_width() {
        assert_eq!(words("Suicídar SUICIDAR"), ["suicidar", "suicidar"]);
        assert_eq!(words("I\u{2019}m don't"), ["im", "dont"]);
        assert_eq!(words("ＫＩＬＬ"), ["kill"]);
        assert_eq!(words("ki\u{200B}ll my\u{00AD}self"), ["kill", "myself"]);
        assert_eq!(words("cafe\u{0301}"), ["cafe"]);
    }

    #[test]
    fn reads_leet_masks_and_repeats() {
        assert_eq!(
            words("k*ll su1c1de h@ng unal!ve"),
            ["kill", "suicide", "hang", "unalive"]
        );
        assert_eq!(words("diiiie kiiiill sooooo"), ["die", "kill", "so"]);
        assert_eq!(words("kill! 3am 2nd"), ["kill", "3am", "2nd"]);
        assert_eq!(words("coffee feel"), ["coffee", "feel"]);
    }

    #[test]
    fn keeps_utf16_spans() {
        let mut t = Text::default();
        let s = "😀 kill ÿou";
        tokenize(s, &mut t, &[]);
        let units: Vec<u16> = s.encode_utf16().collect();
        let k = t.tokens[0];
        assert_eq!(
            String::from_utf16_lossy(&units[k.u16_start as usize..k.u16_end as usize]),
            "kill"
        );
        let k = t.tokens[1];
        assert_eq!(
            String::from_utf16_lossy(&units[k.u16_start as usize..k.u16_end as usize]),
            "ÿou"
        );
    }

    #[test]
    fn plain_words_get_the_ids_assign_words_gives() {
        let mut t = Text::default();
        let s = "I want to KILL myself tonight, honestly. no quiero vivir; hola amigo abcdefgh abcdefghi \
                 suicide suicidal overdose xyzzy a i yo";
        tokenize(s, &mut t, super::super::lexicon::emoji());
        let given: Vec<u16> = t.tokens.iter().map(|k| k.word).collect();
        assert!(given.iter().filter(|&&w| w != NO_WORD).count() > 10, "{given:?}");
        t.tokens.iter_mut().for_each(|k| k.word = NO_WORD);
        super::super::lexicon::assign_words(&mut t);
        let looked_up: Vec<u16> = t.tokens.iter().map(|k| k.word).collect();
        for (g, l) in given.iter().zip(&looked_up) {
            assert!(*g == NO_WORD || g == l, "{given:?} {looked_up:?}");
        }
    }

    #[test]
    fn latin1_fast_path_folds_as_fold_does() {
        let emoji = super::super::lexicon::emoji();
        for (k, &l) in LATIN1.iter().enumerate() {
            let c = char::from_u32(0xC0 + k as u32).unwrap();
            let mut folded = Vec::new();
            if c.is_alphanumeric() {
                fold(c, |f| folded.push(f));
            }
            let one_ascii = matches!(folded[..], [f] if f.is_ascii());
            assert_eq!(l != 0, one_ascii, "{c}");
            if l != 0 {
                assert_eq!(folded, [l as char], "{c}");
                assert!(!is_invisible(c) && !is_apostrophe(c) && !is_combining_mark(c), "{c}");
                assert!(emoji.binary_search_by(|(e, _)| e.cmp(&c)).is_err(), "{c}");
            }
        }
        assert_eq!(words("Mañana DESPUÉS él Ñandú, ÿ æon straße"), ["manana", "despues", "el", "nandu", "y", "æon", "straße"]);
    }

    #[test]
    fn marks_boundaries() {
        let mut t = Text::default();
        tokenize("no, i. yes", &mut t, &[]);
        let brk: Vec<u8> = t.tokens.iter().map(|k| k.brk).collect();
        assert_eq!(brk, [SENTENCE, CLAUSE, SENTENCE]);
    }

    #[test]
    fn marks_the_word_after_an_ellipsis() {
        let mut t = Text::default();
        tokenize("die... of it. so… de x.. y. z", &mut t, &[]);
        let after: Vec<bool> = t.tokens.iter().map(|k| k.ellipsis).collect();
        assert_eq!(after, [false, true, false, false, true, false, true, false]);
        // Every one still starts a sentence here: the lexicon decides (`assign_word`).
        assert!(t.tokens.iter().filter(|k| k.ellipsis).all(|k| k.brk == SENTENCE));
    }

    #[test]
    fn reading_in_pieces_gives_the_tokens_of_reading_whole() {
        let text = "i cant. go on... of course; no?\nyes … de nada. ok";
        let mut whole = Text::default();
        tokenize(text, &mut whole, &[]);
        // Cut at every place `cut_after` allows.
        let bytes = text.as_bytes();
        let mut pieces = Text::default();
        let (mut from, mut pos) = (0, 0);
        for k in 0..bytes.len() {
            if cut_after(bytes, k) {
                pos = tokenize_more(&text[from..=k], &mut pieces, &[], pos);
                from = k + 1;
            }
        }
        tokenize_more(&text[from..], &mut pieces, &[], pos);
        let key = |t: &Text| -> Vec<(String, u32, u32, u8, bool)> {
            t.tokens
                .iter()
                .map(|k| (String::from_utf8_lossy(&t.buf[k.start as usize..k.end as usize]).into_owned(), k.u16_start, k.u16_end, k.brk, k.ellipsis))
                .collect()
        };
        assert_eq!(key(&pieces), key(&whole));
    }
}
