//! The text a view shows: the compiled-in strings for the panel's language, with any host overrides.

use crate::strings;
use crate::Lang;

/// What every view renders text through.
pub struct Ui<'a> {
    pub lang: Lang,
    /// Host overrides from config (`"strings": {"panel.title": "…"}`), already validated.
    pub overrides: &'a [(String, String)],
}

impl Ui<'_> {
    pub fn t<'s>(&'s self, key: &'s str) -> &'s str {
        match self.overrides.iter().find(|(k, _)| k == key) {
            Some((_, v)) => v,
            None => strings::text(self.lang, key),
        }
    }

    /// `t` with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        strings::fill_in(self.t(key), args)
    }
}
