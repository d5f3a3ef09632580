//! The shipped helpline data: coverage, the validation rules, freshness, and that every number is
//! one the research gave (nothing invented).

use before_you_rely::directory::{all_countries, countries, country, rules, Line, Status};
use before_you_rely::{strings, Lang};
use std::collections::BTreeSet;

fn lines() -> impl Iterator<Item = (&'static str, Line)> {
    all_countries().iter().flat_map(|c| c.lines().map(move |l| (c.code, l)))
}

#[test]
fn at_least_40_countries_have_an_emergency_number_and_a_crisis_line() {
    let with_crisis: Vec<&str> = all_countries().iter().filter(|c| c.has_crisis_line()).map(|c| c.code).collect();
    assert!(with_crisis.len() >= 40, "only {} countries with a crisis line: {with_crisis:?}", with_crisis.len());
    for c in all_countries() {
        assert!(rules::is_dial_string(c.emergency.number), "{}", c.code);
        // A country without a crisis line must say why (it ships for its emergency number).
        assert_eq!(c.has_crisis_line(), c.no_crisis_line.is_none(), "{}", c.code);
    }
}

#[test]
fn every_entry_passes_the_rules() {
    for (cc, l) in lines() {
        let who = format!("{cc} {:?}", l.name);
        assert!(!l.name.trim().is_empty(), "{who}");
        assert!(!l.source.trim().is_empty(), "{who}: no source");
        assert!(rules::parse_iso_date(l.last_verified).is_some(), "{who}: last_verified");
        for n in [l.phone, l.sms, l.whatsapp].into_iter().flatten() {
            assert!(rules::is_dial_string(n), "{who}: {n:?}");
        }
        assert!(l.phone_option.is_none_or(rules::is_menu_option) && (l.phone_option.is_none() || l.phone.is_some()), "{who}");
        assert!(l.sms_keyword.is_none() || l.sms.is_some(), "{who}: keyword without a number");
        for u in [l.url, l.chat_url].into_iter().flatten() {
            assert!(rules::is_https_url(u), "{who}: {u}");
        }
        assert!(l.phone.is_some() || l.sms.is_some() || l.whatsapp.is_some() || l.url.is_some() || l.chat_url.is_some(), "{who}");
        assert!(!l.topics.is_empty() && l.topics.iter().all(|t| rules::TOPICS.contains(t)), "{who}");
        assert!(l.audience.is_none_or(|a| rules::AUDIENCES.contains(&a)), "{who}");
        assert!(l.languages.iter().all(|c| rules::is_language_code(c)), "{who}");
        assert!(matches!(l.status, Status::Confirmed | Status::Secondary));
    }
    for c in all_countries() {
        assert!(!c.emergency.source.is_empty() && rules::parse_iso_date(c.emergency.last_verified).is_some(), "{}", c.code);
        for a in c.emergency.also {
            assert!(rules::is_dial_string(a.number), "{}", c.code);
            assert!(a.service.is_none_or(|s| rules::SERVICES.contains(&s)), "{}", c.code);
        }
    }
}

#[test]
fn no_duplicate_lines_within_a_country() {
    for c in all_countries() {
        let mut seen = BTreeSet::new();
        for l in c.lines() {
            assert!(seen.insert(format!("name {}", l.name)), "{}: duplicate name {}", c.code, l.name);
            if let Some(p) = l.phone_dial {
                assert!(seen.insert(format!("tel {p} {:?}", l.phone_option)), "{}: duplicate phone {p}", c.code);
            }
            if let Some(s) = l.sms_dial {
                assert!(seen.insert(format!("sms {s} {:?}", l.sms_keyword)), "{}: duplicate sms {s}", c.code);
            }
        }
    }
}

fn today() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    rules::civil_from_days(secs / 86_400)
}

#[test]
fn nothing_is_older_than_18_months() {
    let now = today();
    let dates = lines().map(|(cc, l)| (cc, l.last_verified)).chain(all_countries().iter().map(|c| (c.code, c.emergency.last_verified)));
    for (cc, date) in dates {
        let months = rules::months_between(rules::parse_iso_date(date).unwrap(), now);
        assert!(months < 18, "{cc}: last verified {date}, {months} months ago");
        if months >= 12 {
            eprintln!("warning: {cc}: last verified {date}, {months} months ago");
        }
    }
}

#[test]
fn secondary_entries_are_marked_and_conflicts_do_not_ship() {
    // clinical.md §2 marks these "conflict": they must not appear.
    for (cc, n) in [("US", "18775658860"), ("CA", "18773306366"), ("DK", "70201201"), ("CN", "12356"), ("ZA", "0800456789"), ("CO", "106")] {
        let c = country(cc).unwrap();
        assert!(c.lines().all(|l| l.phone_dial != Some(n)), "{cc} ships conflict number {n}");
    }
    // And these are only "secondary" there.
    let samhsa = country("US").unwrap().lines().find(|l| l.name.starts_with("SAMHSA")).unwrap();
    assert_eq!(samhsa.status, Status::Secondary);
    // UK Rape Crisis ships without a phone: the research did not confirm its number.
    let rc = country("GB").unwrap().lines().find(|l| l.name.starts_with("Rape Crisis")).unwrap();
    assert_eq!((rc.phone, rc.status), (None, Status::Secondary));
}

#[test]
fn known_number_changes_are_reflected() {
    let has = |cc: &str, dial: &str| country(cc).unwrap().lines().any(|l| l.phone_dial == Some(dial));
    assert!(has("KR", "109") && !has("KR", "1393"));
    assert!(has("PT", "1411"));
    assert!(has("SG", "1771"));
    assert!(has("CA", "988"));
    // 988 "Press 3" ended: no line offers option 3, and LGBTQ+ youth go to The Trevor Project.
    assert!(lines().all(|(_, l)| l.phone_option != Some("3")));
    assert!(country("US").unwrap().lines().any(|l| l.name.starts_with("The Trevor Project") && l.topics.contains(&"lgbtq-youth")));
}

/// Every number we ship appears, digit for digit, in the research (skipped when it is not present).
#[test]
fn every_number_comes_from_the_research() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/research/");
    let Ok(a) = std::fs::read_to_string(format!("{dir}clinical.md")) else {
        eprintln!("research files not found; skipping");
        return;
    };
    let b = std::fs::read_to_string(format!("{dir}clinical-es.md")).unwrap_or_default();
    let research: String = (a + &b).chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '*' | '+')).collect();
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let mut numbers: Vec<(&str, &str)> = Vec::new();
    for c in all_countries() {
        numbers.push((c.code, c.emergency.number));
        numbers.extend(c.emergency.also.iter().map(|a| (c.code, a.number)));
        for l in c.lines() {
            numbers.extend([l.phone, l.sms, l.whatsapp].into_iter().flatten().map(|n| (c.code, n)));
        }
    }
    for (cc, n) in numbers {
        assert!(research.contains(&digits(n)), "{cc}: {n} is not in the research files");
    }
}

#[test]
fn every_code_has_a_ui_label_in_both_languages() {
    let codes = rules::TOPICS.iter().map(|t| format!("directory.topic_{t}"))
        .chain(rules::AUDIENCES.iter().map(|a| format!("directory.audience_{a}")))
        .chain(rules::SERVICES.iter().map(|s| format!("directory.service_{s}")));
    for key in codes {
        for lang in Lang::ALL {
            assert_ne!(strings::text(lang, &key), key, "{key} has no {lang:?} label");
        }
    }
}

#[test]
fn picker_lists_every_country_sorted_by_its_localized_name() {
    let es = countries(Lang::Es);
    assert_eq!(es.len(), all_countries().len());
    assert!(es.contains(&("MX", "México")) && es.contains(&("ES", "España")));
    let fold = |s: &str| s.to_lowercase().replace(['á', 'à'], "a").replace('é', "e").replace('í', "i").replace('ó', "o").replace('ú', "u");
    assert!(es.windows(2).all(|w| fold(w[0].1) <= fold(w[1].1)), "{es:?}");
    let en = countries(Lang::En);
    assert!(en.windows(2).all(|w| w[0].1.to_lowercase() <= w[1].1.to_lowercase()));
    assert_eq!(en.iter().find(|(c, _)| *c == "GB").map(|p| p.1), Some("United Kingdom"));
}
