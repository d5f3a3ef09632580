//! The crisis screen: reads text and decides whether it shows crisis, how urgent it is and why.
//! (Stub: the engine lands with the crisis-screen issue; the contract below is fixed.)

use crate::{Category, Lang, Level};
use serde::Serialize;

/// Whose risk a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    #[serde(rename = "self")]
    Me,
    Other,
}

/// One finding: which rule matched where. `start`/`end` are UTF-16 code units of the original text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    pub category: Category,
    pub level: Level,
    pub subject: Subject,
    pub rule: &'static str,
    pub start: u32,
    pub end: u32,
}

/// The result of screening one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Screening {
    pub level: Level,
    pub categories: Vec<Category>,
    pub evidence: Vec<Evidence>,
}

/// Screens `text`; `lang` None means detect (mixed or unknown text is screened with every lexicon).
pub fn screen(text: &str, lang: Option<Lang>) -> Screening {
    let _ = (text, lang);
    Screening::default()
}
