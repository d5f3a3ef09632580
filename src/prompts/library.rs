//! The prompt library: every prompt in every language, compiled in from `data/prompts/`.

use crate::Lang;
use serde::Serialize;

/// The evidence-based exercise a prompt comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exercise {
    /// Pennebaker's expressive writing.
    ExpressiveWriting,
    /// Neff's self-compassion exercises.
    SelfCompassion,
    /// King's "best possible self".
    BestPossibleSelf,
    /// Gratitude lists and "three good things".
    Gratitude,
    /// ACT values clarification and committed action.
    Values,
    /// Behavioural activation: small, scheduled, rewarding activities.
    BehaviouralActivation,
    /// Grounding in the present moment and the body.
    Grounding,
    /// Relationships and reaching out to people.
    Relationships,
    /// Reflecting on one's own use of AI chat.
    AiReflection,
}

impl Exercise {
    pub const ALL: [Exercise; 9] = [
        Exercise::ExpressiveWriting,
        Exercise::SelfCompassion,
        Exercise::BestPossibleSelf,
        Exercise::Gratitude,
        Exercise::Values,
        Exercise::BehaviouralActivation,
        Exercise::Grounding,
        Exercise::Relationships,
        Exercise::AiReflection,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Exercise::ExpressiveWriting => "expressive_writing",
            Exercise::SelfCompassion => "self_compassion",
            Exercise::BestPossibleSelf => "best_possible_self",
            Exercise::Gratitude => "gratitude",
            Exercise::Values => "values",
            Exercise::BehaviouralActivation => "behavioural_activation",
            Exercise::Grounding => "grounding",
            Exercise::Relationships => "relationships",
            Exercise::AiReflection => "ai_reflection",
        }
    }

    pub fn parse(s: &str) -> Option<Exercise> {
        Exercise::ALL.into_iter().find(|e| e.as_str() == s.trim())
    }

    /// The short citation shown with a prompt (clinical.md §3–4); `None` where the research
    /// files name no source for the exercise itself.
    pub fn source(self) -> Option<&'static str> {
        match self {
            Exercise::ExpressiveWriting => Some("Pennebaker & Beall 1986; Baikie & Wilhelm 2005"),
            Exercise::SelfCompassion => Some("Neff 2003; Neff 2011"),
            Exercise::BestPossibleSelf => Some("King 2001"),
            Exercise::Gratitude => Some("Emmons & McCullough 2003; Seligman et al. 2005"),
            Exercise::Values => Some("Wilson et al. 2010 (ACT, Valued Living Questionnaire)"),
            Exercise::BehaviouralActivation => Some("Cuijpers et al. 2007; Mazzucchelli et al. 2010"),
            Exercise::AiReflection => Some("APA Health Advisory on AI chatbots, 2025; Kalam et al. 2024"),
            Exercise::Grounding | Exercise::Relationships => None,
        }
    }

    /// Whether the exercise's gentle prompts suit someone in distress. Expressive writing can
    /// raise distress at first and best-possible-self can lower mood by contrast (clinical.md §3.1,
    /// §3.3), so neither is offered then. Mirrored in build/prompts.rs.
    pub fn suits_high_distress(self) -> bool {
        !matches!(self, Exercise::ExpressiveWriting | Exercise::BestPossibleSelf)
    }
}

/// How much a prompt asks of the writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intensity {
    Gentle,
    Reflective,
    /// Writing about a difficult or traumatic experience; only on request and at low distress.
    Deep,
}

impl Intensity {
    pub const ALL: [Intensity; 3] = [Intensity::Gentle, Intensity::Reflective, Intensity::Deep];

    pub fn as_str(self) -> &'static str {
        match self {
            Intensity::Gentle => "gentle",
            Intensity::Reflective => "reflective",
            Intensity::Deep => "deep",
        }
    }

    pub fn parse(s: &str) -> Option<Intensity> {
        Intensity::ALL.into_iter().find(|i| i.as_str() == s.trim())
    }
}

/// One journaling prompt. Its id, text and themes live in generated tables (see build/prompts.rs):
/// a few bytes a prompt in the wasm instead of pointers and lengths.
#[derive(Debug, PartialEq, Eq)]
pub struct Prompt {
    /// Where its id and text sit in `tables::IDS` and `tables::TEXTS`.
    n: u16,
    pub lang: Lang,
    pub exercise: Exercise,
    /// Its theme tags in data order: 4-bit indexes into [`themes`] plus one, lowest first; 0 ends.
    themes: u32,
    pub intensity: Intensity,
    /// Suggested writing time.
    pub minutes: u8,
}

impl Prompt {
    /// Stable id, unique across languages (`en-…`, `es-…`); journal entries refer to it.
    pub fn id(&self) -> &'static str {
        tables::IDS.get(self.n.into())
    }

    pub fn text(&self) -> &'static str {
        tables::TEXTS.get(self.n.into())
    }

    /// Theme tags, from [`themes`], in data order.
    pub fn themes(&self) -> impl Iterator<Item = &'static str> {
        let mut codes = self.themes;
        std::iter::from_fn(move || {
            let code = codes & 15;
            codes >>= 4;
            (code != 0).then(|| themes().get(code as usize - 1).copied()).flatten()
        })
    }

    pub fn has_theme(&self, theme: &str) -> bool {
        self.themes().any(|t| t == theme)
    }
}

/// Serializes as the fields it always had: id, lang, exercise, themes, intensity, minutes, text.
impl Serialize for Prompt {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Prompt", 7)?;
        s.serialize_field("id", self.id())?;
        s.serialize_field("lang", &self.lang)?;
        s.serialize_field("exercise", &self.exercise)?;
        s.serialize_field("themes", &self.themes().collect::<Vec<_>>())?;
        s.serialize_field("intensity", &self.intensity)?;
        s.serialize_field("minutes", &self.minutes)?;
        s.serialize_field("text", self.text())?;
        s.end()
    }
}

mod tables {
    use super::{Exercise, Intensity, Prompt};
    use crate::Lang;
    include!(concat!(env!("OUT_DIR"), "/prompts.rs"));
}

/// Every prompt, in data order (English first).
pub fn all() -> &'static [Prompt] {
    tables::PROMPTS
}

/// The prompts in one language.
pub fn in_lang(lang: Lang) -> impl Iterator<Item = &'static Prompt> {
    tables::PROMPTS.iter().filter(move |p| p.lang == lang)
}

/// The theme tags a person can pick from (each has a label `prompts.theme_<name>`).
pub fn themes() -> &'static [&'static str] {
    tables::THEMES
}

/// The prompt with this id, in any language.
pub fn by_id(id: &str) -> Option<&'static Prompt> {
    tables::PROMPTS.iter().find(|p| p.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for e in Exercise::ALL {
            assert_eq!(Exercise::parse(e.as_str()), Some(e));
        }
        for i in Intensity::ALL {
            assert_eq!(Intensity::parse(i.as_str()), Some(i));
        }
    }

    #[test]
    fn ids_are_unique_and_findable() {
        for p in all() {
            assert_eq!(by_id(p.id()).map(|q| q.id()), Some(p.id()));
            assert!(p.id().starts_with(p.lang.as_str()));
        }
    }

    #[test]
    fn every_prompt_uses_known_themes() {
        for p in all() {
            assert!(p.themes().count() > 0, "{}", p.id());
            assert!(p.themes().all(|t| themes().contains(&t)), "{}", p.id());
        }
    }
}
