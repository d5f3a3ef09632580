//! The prompt library and its UI strings: counts, fields, coverage, labels, safe wording.

use before_you_rely::prompts::{library, Exercise, Intensity};
use before_you_rely::{strings, Lang};

fn count(lang: Lang) -> usize {
    library::in_lang(lang).count()
}

#[test]
fn counts_are_met() {
    assert!(count(Lang::En) >= 150, "{} English prompts", count(Lang::En));
    assert!(count(Lang::Es) >= 100, "{} Spanish prompts", count(Lang::Es));
}

#[test]
fn every_prompt_has_exercise_intensity_duration_and_text() {
    for p in library::all() {
        assert!(Exercise::parse(p.exercise.as_str()).is_some(), "{}", p.id());
        assert!(Intensity::parse(p.intensity.as_str()).is_some(), "{}", p.id());
        assert!((1..=30).contains(&p.minutes), "{}", p.id());
        assert!(!p.text().trim().is_empty() && p.themes().next().is_some(), "{}", p.id());
        if p.intensity == Intensity::Deep {
            assert_eq!(p.exercise, Exercise::ExpressiveWriting, "{}", p.id());
            assert!((15..=20).contains(&p.minutes), "{}: Pennebaker's 15–20 minutes", p.id());
        }
    }
}

#[test]
fn every_exercise_exists_in_both_languages() {
    for lang in Lang::ALL {
        for e in Exercise::ALL {
            assert!(library::in_lang(lang).any(|p| p.exercise == e), "{e:?} missing in {lang:?}");
        }
    }
}

#[test]
fn ids_are_unique_across_languages() {
    let mut ids: Vec<&str> = library::all().iter().map(|p| p.id()).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn prompts_avoid_method_and_death_words() {
    // The build lints this too; a second look here keeps the rule visible in the tests.
    let words = ["suicide", "suicidal", "kill", "overdose", "pills", "muerte", "morir", "suicidio", "sobredosis"];
    let phrases = ["self-harm", "end my life", "end your life", "better off without", "quitarme la vida"];
    for p in library::all() {
        let lower = p.text().to_lowercase();
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            assert!(!words.contains(&word), "{} contains {word}", p.id());
        }
        for phrase in phrases {
            assert!(!lower.contains(phrase), "{} contains {phrase}", p.id());
        }
    }
}

#[test]
fn spanish_prompts_use_tu_not_usted_or_vosotros() {
    for p in library::in_lang(Lang::Es) {
        let lower = p.text().to_lowercase();
        for formal in [" usted", "vosotros", " os ", "podéis", "escribid"] {
            assert!(!lower.contains(formal), "{} uses `{formal}`", p.id());
        }
    }
}

#[test]
fn labels_exist_for_every_theme_exercise_and_intensity_in_both_languages() {
    for lang in Lang::ALL {
        for t in library::themes() {
            let key = format!("prompts.theme_{t}");
            assert_ne!(strings::text(lang, &key), key);
        }
        for e in Exercise::ALL {
            let key = format!("prompts.exercise_{}", e.as_str());
            assert_ne!(strings::text(lang, &key), key);
        }
        for i in Intensity::ALL {
            let key = format!("prompts.intensity_{}", i.as_str());
            assert_ne!(strings::text(lang, &key), key);
        }
    }
}

/// Every key this engine's sections define in English, with a Spanish text of its own.
#[test]
fn my_sections_are_fully_translated() {
    let mine = ["prompts.", "ai.", "human.", "journal."];
    let keys: Vec<&str> = strings::keys().filter(|k| mine.iter().any(|m| k.starts_with(m))).collect();
    assert!(keys.len() > 100, "{} keys", keys.len());
    for key in keys {
        let es = strings::text(Lang::Es, key);
        let en = strings::text(Lang::En, key);
        // Citations stay in their original language; everything else must be Spanish.
        if !key.starts_with("ai.source_") {
            assert_ne!(es, en, "{key} is not translated");
        }
    }
}

#[test]
fn the_ai_section_says_what_it_must() {
    assert_eq!(strings::text(Lang::En, "ai.bridge"), "AI can be a bridge, not a destination.");
    assert!(strings::text(Lang::En, "ai.source_kalam").contains("Kalam"));
    assert!(strings::text(Lang::En, "ai.source_apa").contains("2025"));
    for key in
        ["ai.cannot_judgement", "ai.cannot_continuity", "ai.cannot_coordinate", "ai.cannot_crisis", "ai.cannot_privacy"]
    {
        assert_ne!(strings::text(Lang::Es, key), key);
    }
    assert_eq!(strings::fill(Lang::Es, "prompts.duration", &[("minutes", "5")]), "Unos 5 minutos");
    assert_eq!(strings::fill(Lang::En, "prompts.duration", &[("minutes", "5")]), "About 5 minutes");
}

#[test]
fn no_string_claims_to_diagnose_or_replace_care() {
    for lang in Lang::ALL {
        for key in
            strings::keys().filter(|k| ["prompts.", "ai.", "human.", "journal."].iter().any(|m| k.starts_with(m)))
        {
            let t = strings::text(lang, key).to_lowercase();
            for claim in
                ["we diagnose", "replaces therapy", "instead of therapy", "sustituye la terapia", "te diagnostica"]
            {
                assert!(!t.contains(claim), "{key}: {t}");
            }
        }
    }
}
