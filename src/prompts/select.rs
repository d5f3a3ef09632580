//! Choosing prompts for a person's current state: gentler when distress is high, deep writing only
//! on request at low distress, no repeats until the pool is used up, the same picks for the same seed.

use super::library::{self, Exercise, Intensity, Prompt};
use super::rng::SplitMix64;
use crate::{strings, Category, Lang, Level};
use serde::Serialize;

/// PHQ-9 / GAD-7 totals from here up are the "moderately severe"/"severe" bands (clinical.md §1.2–1.3):
/// no deep prompts, gentle ones only, help stays visible.
pub const HIGH_DISTRESS_SCORE: u8 = 15;
/// PHQ-9 / GAD-7 totals from here up are "moderate": not low enough for deep prompts.
pub const MODERATE_DISTRESS_SCORE: u8 = 10;
/// The most prompts one call returns.
pub const MAX_COUNT: usize = 50;

/// What the engine knows about the person right now. Everything is optional: the default is a
/// first visit with no screen, no self-check and English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PromptState {
    pub lang: Lang,
    /// The level of the last crisis screen.
    pub level: Level,
    /// The risk categories the last screen found.
    pub categories: Vec<Category>,
    /// The latest PHQ-9 total (0–27), if the person took it.
    pub phq9: Option<u8>,
    /// The latest GAD-7 total (0–21), if the person took it.
    pub gad7: Option<u8>,
    /// A positive suicide item: ASQ positive or PHQ-9 item 9 above zero.
    pub risk_item_positive: bool,
    /// The theme the person picked (a name from `themes()`), if any.
    pub theme: Option<String>,
    /// The person switched on "Choose deeper prompts": at low distress only deep prompts are
    /// offered; otherwise the choice is set aside (`Selection::deep_withheld`).
    pub deep_chosen: bool,
}

/// How distressed the state suggests the person is; decides which prompts may be offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Distress {
    /// No signal: deep prompts may be offered if chosen.
    Low,
    /// Some distress (support level, or a moderate self-check band): no deep prompts.
    Moderate,
    /// Concern or worse, a severe band or a positive suicide item: gentle and grounding only.
    High,
}

impl Distress {
    pub fn as_str(self) -> &'static str {
        match self {
            Distress::Low => "low",
            Distress::Moderate => "moderate",
            Distress::High => "high",
        }
    }
}

impl PromptState {
    fn worst_score(&self) -> u8 {
        self.phq9.unwrap_or(0).max(self.gad7.unwrap_or(0))
    }

    pub fn distress(&self) -> Distress {
        let score = self.worst_score();
        if self.level >= Level::Concern
            || score >= HIGH_DISTRESS_SCORE
            || self.risk_item_positive
            || !self.categories.is_empty()
        {
            Distress::High
        } else if self.level >= Level::Support || score >= MODERATE_DISTRESS_SCORE {
            Distress::Moderate
        } else {
            Distress::Low
        }
    }

    /// Whether `p` may be offered in this state (ignoring the theme).
    pub fn allows(&self, p: &Prompt) -> bool {
        if p.lang != self.lang {
            return false;
        }
        match self.distress() {
            Distress::High => {
                p.exercise == Exercise::Grounding
                    || (p.intensity == Intensity::Gentle && p.exercise.suits_high_distress())
            }
            Distress::Moderate => p.intensity != Intensity::Deep,
            // "Choose deeper prompts" means the deep ones, and only them, until switched off.
            Distress::Low => (p.intensity == Intensity::Deep) == self.deep_chosen,
        }
    }
}

/// One chosen prompt with what the panel must show beside it.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub prompt: &'static Prompt,
    /// The short citation for the exercise, when the research names one.
    pub source: Option<&'static str>,
    /// The "you may feel worse at first" note, on every deep prompt.
    pub caution: Option<&'static str>,
}

/// The answer to "give me prompts".
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// Never empty: the build guarantees every state a non-empty pool.
    pub prompts: Vec<Suggestion>,
    pub distress: Distress,
    /// Keep the "Need help now?" section visible next to the prompts.
    pub show_help: bool,
    /// The person asked for deep prompts but the state does not allow them right now.
    pub deep_withheld: bool,
    /// The theme that filtered the pool; `None` when none was picked or it had no prompts here.
    pub theme: Option<&'static str>,
    /// A theme was picked but had no allowed prompts, so the whole allowed pool was used.
    pub theme_fell_back: bool,
    /// How many prompts this state allows.
    pub pool_size: usize,
    /// The pool had been used up and a new round began.
    pub cycle_restarted: bool,
}

/// Picks `count` prompts (clamped to 1..=[`MAX_COUNT`]) for `state`.
///
/// `history` holds the ids already shown, oldest first (ids from other pools are ignored). A prompt
/// is picked among those shown the fewest times, so nothing repeats until the whole pool has been
/// shown; then a new round starts, never with the prompt shown last. The same state, history and
/// seed always give the same prompts.
pub fn choose(state: &PromptState, history: &[&str], seed: u64, count: usize) -> Selection {
    let distress = state.distress();
    let allowed: Vec<&'static Prompt> = library::all().iter().filter(|p| state.allows(p)).collect();
    // An empty theme (the picker's "Any theme") is no theme.
    let requested = state.theme.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let picked_theme = requested.and_then(|t| library::themes().iter().copied().find(|k| *k == t));
    let themed: Vec<&'static Prompt> = match picked_theme {
        Some(t) => allowed.iter().copied().filter(|p| p.has_theme(t)).collect(),
        None => Vec::new(),
    };
    let (pool, theme) = if themed.is_empty() { (allowed, None) } else { (themed, picked_theme) };

    // How often each pool prompt has been shown, and which was shown last.
    let mut shown: Vec<usize> = pool.iter().map(|p| history.iter().filter(|h| **h == p.id()).count()).collect();
    let mut last = history.last().and_then(|h| pool.iter().position(|p| p.id() == *h));

    let mut rng = SplitMix64::new(seed ^ (history.len() as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let mut prompts = Vec::new();
    let mut cycle_restarted = false;
    for _ in 0..count.clamp(1, MAX_COUNT) {
        let Some(fewest) = shown.iter().copied().min() else { break };
        if fewest > 0 && shown.iter().all(|&n| n == fewest) {
            cycle_restarted = true;
        }
        let mut candidates: Vec<usize> = (0..pool.len()).filter(|&i| shown[i] == fewest && Some(i) != last).collect();
        if candidates.is_empty() {
            // Only the prompt just shown is left (a one-prompt pool, or an odd history).
            candidates.extend(last);
        }
        let Some(&i) = candidates.get(rng.below(candidates.len().max(1))) else { break };
        shown[i] += 1;
        last = Some(i);
        prompts.push(suggest(pool[i], state.lang));
    }

    Selection {
        prompts,
        distress,
        show_help: distress == Distress::High,
        deep_withheld: state.deep_chosen && distress != Distress::Low,
        theme,
        theme_fell_back: requested.is_some() && theme.is_none(),
        pool_size: pool.len(),
        cycle_restarted,
    }
}

/// Wraps a prompt with its citation and, for deep prompts, the caution note.
pub fn suggest(prompt: &'static Prompt, lang: Lang) -> Suggestion {
    Suggestion {
        prompt,
        source: prompt.exercise.source(),
        caution: (prompt.intensity == Intensity::Deep).then(|| strings::text(lang, "prompts.deep_caution")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distress_names_match_the_json() {
        // The wasm API writes `as_str()`; the CLI's JSON uses the serde name.
        for d in [Distress::Low, Distress::Moderate, Distress::High] {
            assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
        }
    }

    fn ids(s: &Selection) -> Vec<&'static str> {
        s.prompts.iter().map(|x| x.prompt.id()).collect()
    }

    #[test]
    fn distress_follows_level_scores_and_items() {
        let mut s = PromptState::default();
        assert_eq!(s.distress(), Distress::Low);
        s.gad7 = Some(10);
        assert_eq!(s.distress(), Distress::Moderate);
        s.phq9 = Some(15);
        assert_eq!(s.distress(), Distress::High);
        let s = PromptState { level: Level::Concern, ..Default::default() };
        assert_eq!(s.distress(), Distress::High);
        let s = PromptState { risk_item_positive: true, ..Default::default() };
        assert_eq!(s.distress(), Distress::High);
    }

    #[test]
    fn small_pools_still_answer_after_their_last_prompt() {
        // Some themes leave one or two prompts at high distress; the prompt just shown may be the
        // only candidate, and the answer must still not be empty.
        for lang in Lang::ALL {
            for theme in library::themes() {
                let state =
                    PromptState { lang, level: Level::Emergency, theme: Some((*theme).into()), ..Default::default() };
                let first = choose(&state, &[], 1, 1);
                let again = choose(&state, &[first.prompts[0].prompt.id()], 1, 1);
                assert_eq!(again.prompts.len(), 1, "{theme}");
                if again.pool_size > 1 {
                    assert_ne!(again.prompts[0].prompt.id(), first.prompts[0].prompt.id());
                }
            }
        }
    }

    #[test]
    fn an_empty_theme_is_no_theme() {
        let s = PromptState { theme: Some(" ".into()), ..Default::default() };
        let sel = choose(&s, &[], 1, 1);
        assert!(!sel.theme_fell_back && sel.theme.is_none());
    }

    #[test]
    fn count_is_clamped() {
        let s = PromptState::default();
        assert_eq!(choose(&s, &[], 3, 0).prompts.len(), 1);
        assert_eq!(choose(&s, &[], 3, 10_000).prompts.len(), MAX_COUNT);
    }

    #[test]
    fn one_call_with_many_draws_does_not_repeat_within_a_round() {
        let s = PromptState::default();
        let sel = choose(&s, &[], 9, MAX_COUNT);
        let mut v = ids(&sel);
        v.sort_unstable();
        v.dedup();
        assert_eq!(v.len(), MAX_COUNT);
    }

    #[test]
    fn deep_prompts_carry_the_caution() {
        let s = PromptState { deep_chosen: true, theme: Some("hard_experiences".into()), ..Default::default() };
        let sel = choose(&s, &[], 5, 20);
        assert!(sel.prompts.iter().all(|x| x.prompt.intensity == Intensity::Deep && x.caution.is_some()));
        let plain = choose(&PromptState::default(), &[], 5, MAX_COUNT);
        assert!(plain.prompts.iter().all(|x| x.prompt.intensity != Intensity::Deep && x.caution.is_none()));
    }
}
