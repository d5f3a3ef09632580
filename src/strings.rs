//! The panel's UI text, compiled in from `data/ui/<lang>/*.toml`.

use crate::Lang;

mod tables {
    include!(concat!(env!("OUT_DIR"), "/ui.rs"));
}

/// A generated string table: the strings back to back in one literal, and where each one ends.
/// Two bytes per string instead of a pointer and a length (see `build/codegen.rs`).
pub(crate) struct Texts {
    pub text: &'static str,
    pub ends: &'static [u16],
}

impl Texts {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The `i`th string; "" past the end.
    pub fn get(&self, i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1).map_or(0, |&e| e as usize) };
        let end = self.ends.get(i).map_or(0, |&e| e as usize);
        self.text.get(start..end).unwrap_or("")
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Where `key` sits in the sorted key list.
fn position(key: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, tables::KEYS.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match tables::KEYS.get(mid).cmp(key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The text for `key` in `lang`, falling back to English; an unknown key yields the key itself,
/// so a typo shows up on screen instead of a blank.
pub fn text(lang: Lang, key: &str) -> &str {
    let Some(i) = position(key) else { return key };
    let own = match lang {
        Lang::En => "",
        Lang::Es => tables::ES.get(i),
    };
    if own.is_empty() {
        tables::EN.get(i)
    } else {
        own
    }
}

/// `text` with `{name}` placeholders filled in.
pub fn fill(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill_in(text(lang, key), args)
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill_in(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Every key in the English table (tests use it to check that the UI references only real keys).
pub fn keys() -> impl Iterator<Item = &'static str> {
    tables::KEYS.iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        let keys: Vec<&str> = tables::KEYS.iter().collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert_eq!((tables::EN.len(), tables::ES.len()), (keys.len(), keys.len()));
        assert!(tables::EN.iter().all(|t| !t.is_empty()));
    }

    #[test]
    fn spanish_falls_back_to_english_and_unknown_keys_show_themselves() {
        assert_eq!(text(Lang::En, "panel.title"), "Before you rely on AI");
        assert!(!text(Lang::Es, "panel.title").is_empty());
        assert_eq!(text(Lang::Es, "no.such.key"), "no.such.key");
    }
}
