//! The order to show help in. Rules (clinical.md §2 recommendations; anchors-crisis.md §5 rules 3–4):
//! - at `emergency` level the emergency number comes first; at other levels it still comes, last;
//! - abuse → the domestic-violence line first; sexual violence → the sexual-assault line first;
//! - overdose → the crisis line, then substance-use lines;
//! - otherwise the national crisis line first; a topic filter (e.g. "lgbtq-youth") lifts its lines;
//! - within a rank: confirmed before "please check", then the visitor's language, then data order;
//! - an unknown country gets "call your local emergency number" and findahelpline.com, no number.

use super::{country, Line, Resource, FIND_A_HELPLINE_URL};
use crate::{Category, Lang, Level};

/// What to route for. `Query { country: "US", ..Default::default() }` is the plain case.
#[derive(Clone, Copy, Debug, Default)]
pub struct Query<'a> {
    /// ISO 3166 code, any case.
    pub country: &'a str,
    pub categories: &'a [Category],
    pub level: Level,
    /// The visitor's language: prefers lines in it and applies per-language variants (988: press 2).
    pub lang: Option<Lang>,
    /// A topic or audience code to lift to the top among crisis lines, e.g. "lgbtq-youth".
    pub topic: Option<&'a str>,
}

const ABUSE_TOPICS: &[&str] = &["domestic-violence", "violence-against-women", "child-abuse", "stalking", "victims"];
const SEXUAL_VIOLENCE_TOPICS: &[&str] = &["sexual-assault"];
const SUBSTANCE_TOPICS: &[&str] = &["substance-use"];
const CRISIS_CALL_TOPICS: &[&str] = &["suicide", "crisis"];
/// Lines about one issue: shown after the general ones unless the categories ask for them.
const SPECIFIC_TOPICS: &[&str] =
    &["domestic-violence", "violence-against-women", "child-abuse", "stalking", "victims", "sexual-assault", "substance-use", "referral"];

/// The ordered help for a country, categories and level (no language or topic preference).
pub fn resources(country: &str, categories: &[Category], level: Level) -> Vec<Resource> {
    route(&Query { country, categories, level, ..Query::default() })
}

/// The ordered help for a query.
pub fn route(q: &Query) -> Vec<Resource> {
    let emergency_first = q.level == Level::Emergency;
    let Some(c) = country(q.country) else {
        let (a, b) = (Resource::EmergencyGuidance, Resource::FindAHelpline { url: FIND_A_HELPLINE_URL });
        return if emergency_first { vec![a, b] } else { vec![b, a] };
    };
    let mut lines: Vec<(u8, Line)> = c.lines().map(|l| (order_key(&l, q), l)).collect();
    // A stable insertion sort: equal keys keep the data file's order. A country has a handful of
    // lines, and this keeps another copy of the std sort (kilobytes of wasm) out of the widget.
    for i in 1..lines.len() {
        let mut j = i;
        while j > 0 && lines[j - 1].0 > lines[j].0 {
            lines.swap(j - 1, j);
            j -= 1;
        }
    }

    let mut out = Vec::with_capacity(lines.len() + 2);
    if emergency_first {
        out.push(Resource::Emergency(c.emergency));
    }
    out.extend(lines.into_iter().map(|(_, l)| Resource::Line(match q.lang {
        Some(lang) => l.in_lang(lang),
        None => l,
    })));
    if !c.has_crisis_line() {
        out.push(Resource::FindAHelpline { url: FIND_A_HELPLINE_URL });
    }
    if !emergency_first {
        out.push(Resource::Emergency(c.emergency));
    }
    out
}

/// Rank, then confirmed before "please check", then language: lower comes first.
fn order_key(l: &Line, q: &Query) -> u8 {
    rank(l, q) * 8 + (l.status as u8) * 4 + lang_score(l, q.lang)
}

/// Lower comes first (0..=7).
fn rank(l: &Line, q: &Query) -> u8 {
    let asked_first = q.categories.iter().any(|c| match c {
        Category::Abuse => l.has_topic(ABUSE_TOPICS),
        Category::SexualViolence => l.has_topic(SEXUAL_VIOLENCE_TOPICS),
        _ => false,
    });
    let topic_match = q.topic.is_some_and(|t| l.topics.contains(&t) || l.audience == Some(t));
    let crisis = l.has_topic(CRISIS_CALL_TOPICS);
    if asked_first {
        0
    } else if topic_match && crisis {
        1
    } else if crisis && l.audience.is_none() {
        2
    } else if q.categories.contains(&Category::Overdose) && l.has_topic(SUBSTANCE_TOPICS) {
        3
    } else if topic_match {
        4
    } else if l.audience.is_none() && !l.has_topic(SPECIFIC_TOPICS) {
        5
    } else if l.audience.is_some() {
        6
    } else {
        7
    }
}

/// 0: the line's main language (or a variant for it); 1: it also speaks it; 2: unknown; 3: not.
fn lang_score(l: &Line, lang: Option<Lang>) -> u8 {
    let Some(lang) = lang else { return 0 };
    let code = lang.as_str();
    if l.languages.first() == Some(&code) || (lang == Lang::Es && l.es.is_some()) {
        0
    } else if l.languages.contains(&code) {
        1
    } else if l.languages.is_empty() {
        2
    } else {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(r: &[Resource]) -> Vec<&str> {
        r.iter()
            .map(|r| match r {
                Resource::Line(l) => l.name,
                Resource::Emergency(e) => e.number,
                Resource::EmergencyGuidance => "guidance",
                Resource::FindAHelpline { .. } => "findahelpline",
                Resource::HostLine(_) => "host",
            })
            .collect()
    }

    #[test]
    fn overdose_puts_the_crisis_line_before_substance_lines() {
        let r = resources("US", &[Category::Overdose], Level::Concern);
        let n = names(&r);
        let pos = |p: &str| n.iter().position(|x| x.starts_with(p)).unwrap();
        assert!(pos("988") < pos("SAMHSA"));
        assert!(pos("SAMHSA") < pos("National Domestic"));
        assert_eq!(n.last(), Some(&"911"));
    }

    #[test]
    fn topic_filter_lifts_the_trevor_project() {
        let r = route(&Query { country: "US", topic: Some("lgbtq-youth"), ..Query::default() });
        assert!(names(&r)[0].starts_with("The Trevor Project"));
    }

    #[test]
    fn spanish_speakers_get_the_988_spanish_option() {
        let r = route(&Query { country: "US", lang: Some(Lang::Es), ..Query::default() });
        let Resource::Line(first) = &r[0] else { panic!("{r:?}") };
        assert_eq!((first.phone, first.phone_option, first.sms_keyword), (Some("988"), Some("2"), Some("AYUDA")));
    }

    #[test]
    fn secondary_lines_follow_confirmed_ones_of_the_same_rank() {
        let r = route(&Query { country: "ES", lang: Some(Lang::En), ..Query::default() });
        assert!(names(&r)[0].starts_with("024"));
    }

    #[test]
    fn a_country_without_a_crisis_line_points_to_findahelpline() {
        let n = names(&resources("IT", &[], Level::Support)).join("|");
        assert!(n.contains("findahelpline") && n.ends_with("112"), "{n}");
    }
}
