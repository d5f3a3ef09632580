//! The panel's UI text, compiled in from `data/ui/<lang>/*.toml`.

use crate::Lang;

mod tables {
    include!(concat!(env!("OUT_DIR"), "/ui.rs"));
}

fn lookup(table: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| table[i].1)
}

/// The text for `key` in `lang`, falling back to English; an unknown key yields the key itself,
/// so a typo shows up on screen instead of a blank.
pub fn text(lang: Lang, key: &str) -> &str {
    let own = match lang {
        Lang::En => None,
        Lang::Es => lookup(tables::ES, key),
    };
    own.or_else(|| lookup(tables::EN, key)).unwrap_or(key)
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
    tables::EN.iter().map(|(k, _)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(tables::EN.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(tables::ES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn spanish_falls_back_to_english_and_unknown_keys_show_themselves() {
        assert_eq!(text(Lang::En, "panel.title"), "Before you rely on AI");
        assert!(!text(Lang::Es, "panel.title").is_empty());
        assert_eq!(text(Lang::Es, "no.such.key"), "no.such.key");
    }
}
