//! The order help is shown in, country guessing, and the JSON the panel reads.

use before_you_rely::directory::{guess_country, resources, route, Query, Resource};
use before_you_rely::{Category, Lang, Level};

fn labels(r: &[Resource]) -> Vec<String> {
    r.iter()
        .map(|r| match r {
            Resource::Line(l) => format!("{} {}", l.name, l.phone.unwrap_or("-")),
            Resource::Emergency(e) => format!("emergency {}", e.number),
            Resource::EmergencyGuidance => "guidance".into(),
            Resource::FindAHelpline { url } => url.to_string(),
            Resource::HostLine(h) => format!("host {}", h.name),
        })
        .collect()
}

fn position(r: &[String], needle: &str) -> usize {
    r.iter().position(|s| s.contains(needle)).unwrap_or_else(|| panic!("{needle} not in {r:#?}"))
}

#[test]
fn us_abuse_puts_the_domestic_violence_hotline_before_988() {
    let r = labels(&resources("US", &[Category::Abuse], Level::Concern));
    assert!(position(&r, "1-800-799-7233") < position(&r, "988 Suicide"), "{r:#?}");
    assert!(r[0].contains("National Domestic Violence Hotline"));
    assert_eq!(r.last().unwrap(), "emergency 911", "the emergency number still comes, after the lines");
}

#[test]
fn us_emergency_level_puts_911_first() {
    let r = labels(&resources("US", &[Category::Suicide], Level::Emergency));
    assert_eq!(r[0], "emergency 911");
    assert!(r[1].starts_with("988 Suicide"), "{r:#?}");
    assert_eq!(r.iter().filter(|s| s.starts_with("emergency")).count(), 1);
}

#[test]
fn national_crisis_line_comes_first_otherwise() {
    for (cc, first) in [("US", "988 Suicide"), ("GB", "Samaritans 116 123"), ("CA", "9-8-8"), ("ES", "024"), ("MX", "Línea de la Vida"), ("KR", "109")] {
        let r = labels(&resources(cc, &[Category::Suicide], Level::Concern));
        assert!(r[0].starts_with(first), "{cc}: {r:#?}");
    }
}

#[test]
fn gb_lists_samaritans_116_123() {
    let r = resources("GB", &[], Level::Support);
    assert!(r.iter().any(|x| matches!(x, Resource::Line(l) if l.name == "Samaritans" && l.phone == Some("116 123"))));
}

#[test]
fn sexual_violence_puts_the_sexual_assault_line_first() {
    for (cc, first) in [("US", "RAINN"), ("AU", "1800RESPECT"), ("NZ", "Safe to talk"), ("GB", "Rape Crisis")] {
        let r = labels(&resources(cc, &[Category::SexualViolence], Level::Urgent));
        assert!(r[0].starts_with(first), "{cc}: {r:#?}");
    }
}

#[test]
fn unknown_country_gets_guidance_and_findahelpline_and_no_number() {
    for level in [Level::Concern, Level::Emergency] {
        let r = resources("ZZ", &[Category::Suicide], level);
        assert!(r.contains(&Resource::EmergencyGuidance));
        assert!(r.iter().any(|x| matches!(x, Resource::FindAHelpline { url } if url.contains("findahelpline.com"))));
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.bytes().any(|b| b.is_ascii_digit()), "a number was invented: {json}");
    }
    assert_eq!(resources("ZZ", &[], Level::Emergency)[0], Resource::EmergencyGuidance);
}

#[test]
fn resources_serialize_kind_tagged_with_everything_a_card_needs() {
    let r = route(&Query { country: "US", categories: &[Category::Suicide], level: Level::Emergency, lang: Some(Lang::Es), topic: None });
    let v: serde_json::Value = serde_json::to_value(&r).unwrap();
    assert_eq!(v[0]["kind"], "emergency");
    assert_eq!(v[0]["number"], "911");
    let line = &v[1];
    assert_eq!(line["kind"], "line");
    for field in ["name", "topics", "hours", "languages", "phone", "phone_option", "phone_dial", "sms", "sms_keyword", "sms_dial", "chat_url", "url", "status", "last_verified", "source"] {
        assert!(line.get(field).is_some(), "missing {field}: {line}");
    }
    assert_eq!((line["phone"].as_str(), line["phone_option"].as_str(), line["sms_keyword"].as_str()), (Some("988"), Some("2"), Some("AYUDA")));
    let secondary = v.as_array().unwrap().iter().find(|x| x["status"] == "secondary").unwrap();
    assert_eq!(secondary["kind"], "line");
}

#[test]
fn guess_country_from_language_then_time_zone() {
    assert_eq!(guess_country(&["es-MX"], None), Some("MX"));
    assert_eq!(guess_country(&["es"], Some("Europe/Madrid")), Some("ES"));
    assert_eq!(guess_country(&["es"], Some("America/Mexico_City")), Some("MX"));
    assert_eq!(guess_country(&["en-GB", "en-US"], None), Some("GB"));
    assert_eq!(guess_country(&["es-419"], Some("America/Argentina/Buenos_Aires")), Some("AR"));
    assert_eq!(guess_country(&["fr-FR"], None), Some("FR"));
    assert_eq!(guess_country(&["en"], None), None);
    assert_eq!(guess_country(&["xx-QQ"], Some("Nowhere/Atlantis")), None);
}

#[test]
fn every_country_routes_with_its_emergency_number_at_every_level() {
    for c in before_you_rely::directory::all_countries() {
        for level in Level::ALL {
            let r = resources(c.code, &Category::ALL, level);
            let at = r.iter().position(|x| matches!(x, Resource::Emergency(e) if e.number == c.emergency.number));
            let at = at.unwrap_or_else(|| panic!("{} has no emergency item", c.code));
            assert_eq!(at == 0, level == Level::Emergency, "{} {level:?}", c.code);
            assert_eq!(r.iter().filter(|x| matches!(x, Resource::Line(_))).count(), c.lines().len());
        }
    }
}
