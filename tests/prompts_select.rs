//! Choosing prompts: distress gating, deep prompts, no repeats, determinism, themes.

use before_you_rely::prompts::{choose, library, Distress, Exercise, Intensity, PromptState, Selection};
use before_you_rely::{Category, Lang, Level};
use proptest::prelude::*;
use std::collections::HashSet;

fn ids(s: &Selection) -> Vec<&'static str> {
    s.prompts.iter().map(|x| x.prompt.id()).collect()
}

/// Draws one prompt at a time, as "Another prompt" does, feeding each answer back as history.
fn draw(state: &PromptState, seed: u64, n: usize) -> Vec<&'static str> {
    let mut history: Vec<&'static str> = Vec::new();
    for _ in 0..n {
        let sel = choose(state, &history, seed, 1);
        assert_eq!(sel.prompts.len(), 1, "never an empty answer");
        history.push(sel.prompts[0].prompt.id());
    }
    history
}

fn high_distress_states() -> Vec<PromptState> {
    let mut states = Vec::new();
    for lang in Lang::ALL {
        for level in [Level::Concern, Level::Urgent, Level::Emergency] {
            states.push(PromptState { lang, level, deep_chosen: true, ..Default::default() });
        }
        states.push(PromptState { lang, phq9: Some(15), deep_chosen: true, ..Default::default() });
        states.push(PromptState { lang, gad7: Some(21), deep_chosen: true, ..Default::default() });
        states.push(PromptState { lang, risk_item_positive: true, deep_chosen: true, ..Default::default() });
        states.push(PromptState {
            lang,
            level: Level::Concern,
            categories: vec![Category::Suicide],
            theme: Some("hard_experiences".into()),
            deep_chosen: true,
            ..Default::default()
        });
    }
    states
}

#[test]
fn high_distress_gets_only_gentle_or_grounding_prompts_and_help_stays_visible() {
    for state in high_distress_states() {
        for seed in 0..200 {
            let sel = choose(&state, &[], seed, 5);
            assert!(sel.show_help, "{state:?}");
            assert_eq!(sel.distress, Distress::High);
            for s in &sel.prompts {
                let p = s.prompt;
                assert_ne!(p.intensity, Intensity::Deep, "{} at {state:?}", p.id());
                assert!(p.intensity == Intensity::Gentle || p.exercise == Exercise::Grounding, "{}", p.id());
                assert!(!matches!(p.exercise, Exercise::ExpressiveWriting | Exercise::BestPossibleSelf), "{}", p.id());
                assert_eq!(p.lang, state.lang);
            }
        }
        // The whole pool, drawn to exhaustion, never holds a deep prompt either.
        let all = draw(&state, 7, 200);
        assert!(all.iter().all(|id| library::by_id(id).is_some_and(|p| p.intensity != Intensity::Deep)));
    }
}

#[test]
fn deep_prompts_need_both_the_choice_and_low_distress() {
    for lang in Lang::ALL {
        let not_chosen = PromptState { lang, ..Default::default() };
        let chosen = PromptState { lang, deep_chosen: true, ..Default::default() };
        let moderate = PromptState { lang, deep_chosen: true, phq9: Some(12), ..Default::default() };
        let support = PromptState { lang, deep_chosen: true, level: Level::Support, ..Default::default() };
        for seed in 0..100 {
            assert!(choose(&not_chosen, &[], seed, 10).prompts.iter().all(|s| s.prompt.intensity != Intensity::Deep));
            for state in [&moderate, &support] {
                let sel = choose(state, &[], seed, 10);
                assert!(sel.deep_withheld && !sel.show_help);
                assert!(sel.prompts.iter().all(|s| s.prompt.intensity != Intensity::Deep));
            }
            let sel = choose(&chosen, &[], seed, 3);
            assert!(!sel.deep_withheld);
            for s in &sel.prompts {
                assert_eq!(s.prompt.intensity, Intensity::Deep);
                assert!(s.caution.is_some_and(|c| !c.is_empty()), "every deep prompt carries the caution");
            }
        }
    }
}

#[test]
fn a_hundred_draws_in_one_state_never_repeat() {
    for lang in Lang::ALL {
        let state = PromptState { lang, ..Default::default() };
        let pool = choose(&state, &[], 0, 1).pool_size;
        assert!(pool >= 100, "{lang:?} pool {pool}");
        for seed in [0, 1, 42, u64::MAX] {
            let drawn = draw(&state, seed, 100);
            assert_eq!(drawn.iter().collect::<HashSet<_>>().len(), 100, "{lang:?} seed {seed}");
        }
    }
}

#[test]
fn small_pools_do_not_repeat_until_exhausted_then_start_again() {
    let mut states = high_distress_states();
    for lang in Lang::ALL {
        states.push(PromptState { lang, deep_chosen: true, ..Default::default() });
        states.push(PromptState { lang, theme: Some("ai_use".into()), ..Default::default() });
    }
    for state in states {
        let pool = choose(&state, &[], 0, 1).pool_size;
        let drawn = draw(&state, 99, pool * 2 + 1);
        let first_round: HashSet<_> = drawn[..pool].iter().collect();
        assert_eq!(first_round.len(), pool, "{state:?}");
        let second_round: HashSet<_> = drawn[pool..pool * 2].iter().collect();
        assert_eq!(second_round.len(), pool, "the second round also covers the pool without repeats");
        assert!(drawn.windows(2).all(|w| pool == 1 || w[0] != w[1]), "never the same prompt twice in a row");
        let restarted = choose(&state, &drawn[..pool], 99, 1);
        assert!(restarted.cycle_restarted);
    }
}

#[test]
fn the_same_seed_gives_the_same_prompts() {
    let state = PromptState { lang: Lang::Es, theme: Some("worry".into()), ..Default::default() };
    let history = ["es-gnd-03", "es-ew-08"];
    for seed in 0..50 {
        assert_eq!(ids(&choose(&state, &history, seed, 4)), ids(&choose(&state, &history, seed, 4)));
        assert_eq!(draw(&state, seed, 20), draw(&state, seed, 20));
    }
    let firsts: HashSet<_> =
        (0..50).map(|seed| choose(&PromptState::default(), &[], seed, 1).prompts[0].prompt.id()).collect();
    assert!(firsts.len() > 20, "different seeds spread over the pool ({} distinct)", firsts.len());
}

#[test]
fn theme_filters_and_falls_back_to_the_whole_allowed_pool() {
    for lang in Lang::ALL {
        for theme in library::themes() {
            let state = PromptState { lang, theme: Some((*theme).into()), ..Default::default() };
            let sel = choose(&state, &[], 3, 5);
            if sel.theme_fell_back {
                assert_eq!(sel.theme, None);
            } else {
                assert_eq!(sel.theme, Some(*theme));
                assert!(sel.prompts.iter().all(|s| s.prompt.has_theme(theme)), "{theme}");
            }
        }
        // A theme with no gentle prompts at high distress falls back to the gentle pool.
        let state =
            PromptState { lang, level: Level::Urgent, theme: Some("hard_experiences".into()), ..Default::default() };
        let sel = choose(&state, &[], 3, 5);
        assert!(sel.theme_fell_back && sel.theme.is_none() && sel.prompts.len() == 5);
        let unknown = PromptState { lang, theme: Some("no-such-theme".into()), ..Default::default() };
        let sel = choose(&unknown, &[], 3, 1);
        assert!(sel.theme_fell_back && sel.pool_size >= 100);
    }
}

#[test]
fn english_themes_are_not_falling_back_in_the_default_state() {
    for theme in library::themes() {
        let state = PromptState { theme: Some((*theme).into()), ..Default::default() };
        assert!(!choose(&state, &[], 0, 1).theme_fell_back, "{theme}");
    }
}

fn any_state() -> impl Strategy<Value = PromptState> {
    (
        prop::sample::select(Level::ALL.to_vec()),
        prop::option::of(0u8..=27),
        prop::option::of(0u8..=21),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(prop::sample::select(library::themes().to_vec())),
        any::<bool>(),
    )
        .prop_map(|(level, phq9, gad7, risk_item_positive, deep_chosen, theme, es)| PromptState {
            lang: if es { Lang::Es } else { Lang::En },
            level,
            categories: Vec::new(),
            phq9,
            gad7,
            risk_item_positive,
            theme: theme.map(String::from),
            deep_chosen,
        })
}

fn all_ids() -> Vec<&'static str> {
    library::all().iter().map(|p| p.id()).collect()
}

proptest! {
    #[test]
    fn any_state_gets_allowed_prompts_and_never_an_empty_answer(
        state in any_state(),
        seed in any::<u64>(),
        count in 0usize..12,
        history in prop::collection::vec(prop::sample::select(all_ids()), 0..300),
    ) {
        let sel = choose(&state, &history, seed, count);
        prop_assert!(!sel.prompts.is_empty());
        let high = state.level >= Level::Concern
            || state.phq9.unwrap_or(0) >= 15
            || state.gad7.unwrap_or(0) >= 15
            || state.risk_item_positive;
        prop_assert_eq!(sel.show_help, high);
        for s in &sel.prompts {
            prop_assert!(state.allows(s.prompt));
            prop_assert_eq!(s.caution.is_some(), s.prompt.intensity == Intensity::Deep);
            if high {
                prop_assert!(s.prompt.intensity != Intensity::Deep);
            }
        }
    }
}
