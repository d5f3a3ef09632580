//! The shipped wording is the research's wording, verbatim, and every English item has a Spanish twin.

use before_you_rely::checks::{instrument, InstrumentId, Next, Role};
use before_you_rely::{strings, Lang};

fn texts(id: InstrumentId, lang: Lang) -> Vec<&'static str> {
    instrument(id, lang).items.iter().map(|i| i.text).collect()
}

fn labels(id: InstrumentId, lang: Lang, item: usize) -> Vec<&'static str> {
    instrument(id, lang).items[item].choices.iter().map(|c| c.label).collect()
}

#[test]
fn asq_english_matches_clinical_md_1_1() {
    // ../shared/research/clinical.md §1.1, items 1–5 (NIMH ASQ toolkit).
    assert_eq!(
        texts(InstrumentId::Asq, Lang::En),
        [
            "In the past few weeks, have you wished you were dead?",
            "In the past few weeks, have you felt that you or your family would be better off if you were dead?",
            "In the past week, have you been having thoughts about killing yourself?",
            "Have you ever tried to kill yourself?",
            "Are you having thoughts of killing yourself right now?",
        ]
    );
    assert_eq!(labels(InstrumentId::Asq, Lang::En, 0), ["Yes", "No"]);
    assert_eq!(instrument(InstrumentId::Asq, Lang::En).items[4].role, Role::Acuity);
}

#[test]
fn phq9_english_matches_clinical_md_1_2() {
    // ../shared/research/clinical.md §1.2: stem, items 1–9, options, the difficulty item.
    let phq9 = instrument(InstrumentId::Phq9, Lang::En);
    assert_eq!(
        phq9.stem,
        Some("Over the last 2 weeks, how often have you been bothered by any of the following problems?")
    );
    assert_eq!(
        texts(InstrumentId::Phq9, Lang::En),
        [
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
            "Thoughts that you would be better off dead or of hurting yourself in some way",
            "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
        ]
    );
    assert_eq!(
        labels(InstrumentId::Phq9, Lang::En, 0),
        ["Not at all", "Several days", "More than half the days", "Nearly every day"]
    );
    assert_eq!(
        labels(InstrumentId::Phq9, Lang::En, 9),
        ["Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"]
    );
    let values: Vec<u8> = phq9.items[0].choices.iter().map(|c| c.value).collect();
    assert_eq!(values, [0, 1, 2, 3]);
    assert_eq!(phq9.rules.crisis_item, Some(8), "item 9 is the crisis item");
}

#[test]
fn gad7_english_matches_clinical_md_1_3() {
    // ../shared/research/clinical.md §1.3: stem, items 1–7.
    let gad7 = instrument(InstrumentId::Gad7, Lang::En);
    assert_eq!(gad7.stem, Some("Over the last 2 weeks, how often have you been bothered by the following problems?"));
    assert_eq!(
        &texts(InstrumentId::Gad7, Lang::En)[..7],
        [
            "Feeling nervous, anxious, or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid, as if something awful might happen",
        ]
    );
    assert_eq!(gad7.rules.crisis_item, None);
}

#[test]
fn short_forms_are_the_first_items_of_the_long_forms() {
    for lang in Lang::ALL {
        assert_eq!(texts(InstrumentId::Phq2, lang)[..], texts(InstrumentId::Phq9, lang)[..2]);
        assert_eq!(texts(InstrumentId::Gad2, lang)[..], texts(InstrumentId::Gad7, lang)[..2]);
    }
}

#[test]
fn spanish_phq9_and_asq_match_clinical_es_md() {
    // ../shared/research/clinical-es.md §1.1 ("Spanish for the USA") and §4 (ASQ).
    let phq9 = instrument(InstrumentId::Phq9, Lang::Es);
    assert_eq!(
        phq9.stem,
        Some("Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?")
    );
    assert_eq!(phq9.items[8].text, "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera");
    assert_eq!(
        labels(InstrumentId::Phq9, Lang::Es, 0),
        ["Ningún día", "Varios días", "Más de la mitad de los días", "Casi todos los días"]
    );
    assert_eq!(instrument(InstrumentId::Asq, Lang::Es).items[4].text, "¿Está pensando en suicidarse en este momento?");
    assert_eq!(labels(InstrumentId::Asq, Lang::Es, 0), ["Sí", "No"]);
}

#[test]
fn attribution_lines() {
    // clinical.md §1.2 (PHQ/GAD notice) and §1.1 (cite NIMH); clinical-es.md §1.1 (Spanish footer).
    let pfizer = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";
    for id in [InstrumentId::Phq9, InstrumentId::Phq2, InstrumentId::Gad7, InstrumentId::Gad2] {
        assert_eq!(instrument(id, Lang::En).attribution, pfizer);
        assert!(instrument(id, Lang::Es).attribution.starts_with("Elaborado por los doctores Robert L. Spitzer"));
    }
    assert!(instrument(InstrumentId::Asq, Lang::En).attribution.contains("National Institute of Mental Health"));
}

#[test]
fn unsourced_wording_is_marked_and_explained() {
    // The Spanish GAD-7 difficulty item was not found (clinical-es.md §3.1): borrowed and marked.
    let gad7 = instrument(InstrumentId::Gad7, Lang::Es);
    let difficulty = gad7.items.last().unwrap();
    assert_eq!(difficulty.role, Role::Difficulty);
    assert!(!difficulty.sourced && difficulty.note.is_some());
    assert!(!gad7.attribution_sourced && !gad7.notes.is_empty());
    // Every English item is sourced.
    for id in InstrumentId::ALL {
        let en = instrument(id, Lang::En);
        assert!(en.items.iter().all(|i| i.sourced) && en.title_sourced && en.attribution_sourced, "{id:?}");
        for item in instrument(id, Lang::Es).items {
            assert_eq!(item.sourced, item.note.is_none(), "{id:?} {}", item.key);
        }
    }
}

#[test]
fn every_next_step_and_band_has_ui_text_in_both_languages() {
    let keys: Vec<&str> = strings::keys().collect();
    let mut needed: Vec<&str> = Next::ALL.iter().map(|n| n.ui_key()).collect();
    for id in InstrumentId::ALL {
        for band in instrument(id, Lang::En).rules.bands {
            needed.push(before_you_rely::checks::band_ui_key(band.key));
        }
    }
    needed.extend([
        "checks.not_a_diagnosis",
        "checks.question_of",
        "checks.back",
        "checks.skip",
        "checks.start_over",
        "checks.asq_clinician_note",
    ]);
    for key in needed {
        assert!(keys.contains(&key), "missing UI string {key}");
        assert_ne!(key, "checks.band_unknown");
        assert_ne!(strings::text(Lang::Es, key), strings::text(Lang::En, key), "{key} has no Spanish text");
    }
}
