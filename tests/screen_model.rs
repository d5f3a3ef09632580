//! The word model's category head: where only the model finds risk, its finding names the
//! category the words are about, not "suicide" by default. These sentences were written for this
//! test (none is in a labelled set) and no rule matches them; each was named `suicide` by the old
//! category rule, where every feature voted for the category it most often came with.

use before_you_rely::screen::screen;
use before_you_rely::{Category, Lang, Level};

fn model_finding(text: &str, lang: Lang) -> (Level, Vec<Category>) {
    let got = screen(text, Some(lang));
    assert!(got.level >= Level::Concern, "not flagged: {text}");
    let rules: Vec<&str> = got.evidence.iter().map(|e| e.rule).collect();
    assert!(
        rules.iter().all(|r| r.ends_with(".model")),
        "a rule matched, so this no longer tests the model: {text} {rules:?}"
    );
    (got.level, got.categories)
}

#[test]
fn model_findings_name_their_category() {
    let cases = [
        (Lang::En, "gonna make my stepbrother regret everything, i know where he parks his car", Category::HarmToOthers),
        (Lang::En, "that guy is going to pay, i already bought what i need and i know when he leaves", Category::HarmToOthers),
        (Lang::En, "someone put something in my drink at the party and i woke up in a room i didnt know", Category::SexualViolence),
        (Lang::En, "the tv presenter sends me messages through the screen every night", Category::Psychosis),
        (Lang::Es, "ese tipo me las va a pagar, ya compré lo que necesito y sé a qué hora sale", Category::HarmToOthers),
        (Lang::Es, "creo que mi familia fue cambiada por dobles, se ven iguales pero no son ellos", Category::Psychosis),
        (Lang::Es, "en la fiesta me dieron algo en la bebida y desperté en un cuarto que no conocía", Category::SexualViolence),
    ];
    for (lang, text, want) in cases {
        let (_, categories) = model_finding(text, lang);
        assert_eq!(categories, vec![want], "{text}");
    }
}
