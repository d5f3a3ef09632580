//! The consultation prep note: what the person wants to say and ask at a first (often free)
//! consultation with a therapist, as plain Markdown text to print or download. Questions from
//! clinical.md §3.7.

use crate::{strings, Lang};

/// UI keys (section `human`) of the questions worth asking at a consultation, in the order shown.
pub const CONSULTATION_QUESTIONS: [&str; 11] = [
    "human.ask_licence",
    "human.ask_experience",
    "human.ask_approach",
    "human.ask_first_weeks",
    "human.ask_progress",
    "human.ask_fees",
    "human.ask_cancellation",
    "human.ask_availability",
    "human.ask_crisis",
    "human.ask_telehealth",
    "human.ask_fit",
];

/// What the person wrote in the prep-note form. Every field may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrepAnswers {
    /// "What I want help with".
    pub help_with: String,
    /// "What hasn't worked before".
    pub not_worked: String,
    /// "What I need from a therapist".
    pub need: String,
    /// "My questions", one a line.
    pub my_questions: String,
    /// Add the standard consultation questions to the note.
    pub include_standard_questions: bool,
}

fn push_section(out: &mut String, lang: Lang, heading: &'static str, body: &str) {
    out.push_str("\n## ");
    out.push_str(strings::text(lang, heading));
    out.push_str("\n\n");
    let body = body.trim();
    out.push_str(if body.is_empty() { strings::text(lang, "human.prep_blank") } else { body });
    out.push('\n');
}

/// The prep note as Markdown (readable as plain text too).
pub fn prep_note_text(answers: &PrepAnswers, lang: Lang) -> String {
    let mut out = String::from("# ");
    out.push_str(strings::text(lang, "human.prep_title"));
    out.push('\n');
    push_section(&mut out, lang, "human.prep_help_with", &answers.help_with);
    push_section(&mut out, lang, "human.prep_not_worked", &answers.not_worked);
    push_section(&mut out, lang, "human.prep_need", &answers.need);

    let own: Vec<&str> = answers.my_questions.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if !own.is_empty() || answers.include_standard_questions {
        out.push_str("\n## ");
        out.push_str(strings::text(lang, "human.prep_my_questions"));
        out.push_str("\n\n");
        let standard = CONSULTATION_QUESTIONS.iter().map(|k| strings::text(lang, k));
        let listed = own.into_iter().chain(standard.filter(|_| answers.include_standard_questions));
        for q in listed {
            out.push_str("- ");
            out.push_str(q.trim_start_matches(['-', '*', ' ']));
            out.push('\n');
        }
    } else {
        push_section(&mut out, lang, "human.prep_my_questions", "");
    }

    out.push_str("\n---\n\n");
    out.push_str(strings::text(lang, "human.prep_footer"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_has_every_section_and_the_footer() {
        let a = PrepAnswers {
            help_with: "Sleep and worry".into(),
            my_questions: "- Evenings?\n\nCost?".into(),
            ..Default::default()
        };
        let note = prep_note_text(&a, Lang::En);
        assert!(note.contains("Sleep and worry"));
        assert!(note.contains("- Evenings?\n- Cost?\n"));
        assert!(note.contains(strings::text(Lang::En, "human.prep_blank")));
        assert!(note.trim_end().ends_with(strings::text(Lang::En, "human.prep_footer")));
    }

    #[test]
    fn standard_questions_are_optional() {
        let with = PrepAnswers { include_standard_questions: true, ..Default::default() };
        let note = prep_note_text(&with, Lang::Es);
        for key in CONSULTATION_QUESTIONS {
            assert!(note.contains(strings::text(Lang::Es, key)), "{key}");
        }
        assert!(!prep_note_text(&PrepAnswers::default(), Lang::En).contains(strings::text(Lang::En, "human.ask_fees")));
    }

    #[test]
    fn every_question_key_exists() {
        for key in CONSULTATION_QUESTIONS {
            assert_ne!(strings::text(Lang::En, key), key);
            assert_ne!(strings::text(Lang::Es, key), strings::text(Lang::En, key), "{key} untranslated");
        }
    }
}
