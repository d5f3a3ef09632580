//! Host-supplied lines: validated, merged after the shipped lines or replacing them, and never
//! displacing the emergency number.

use before_you_rely::directory::{resources, with_host_lines, HostLine, HostMode, Resource, MAX_HOST_LINES};
use before_you_rely::Level;

// Test data only: 555-01xx numbers are reserved for fiction in North America.
fn campus() -> HostLine {
    HostLine {
        name: "Campus Counselling".into(),
        phone: Some("1-800-555-0100".into()),
        url: Some("https://counselling.example.edu".into()),
        topics: vec!["students".into()],
        ..HostLine::default()
    }
}

fn kinds(r: &[Resource]) -> Vec<&'static str> {
    r.iter()
        .map(|x| match x {
            Resource::Emergency(_) => "emergency",
            Resource::EmergencyGuidance => "guidance",
            Resource::Line(_) => "line",
            Resource::HostLine(_) => "host",
            Resource::FindAHelpline { .. } => "find",
        })
        .collect()
}

#[test]
fn merge_puts_host_lines_after_the_shipped_lines_and_before_the_emergency_number() {
    let base = resources("US", &[], Level::Concern);
    let n = base.len();
    let (out, rejected) = with_host_lines(base, "US", vec![campus()], HostMode::Merge);
    assert!(rejected.is_empty());
    let k = kinds(&out);
    assert_eq!(out.len(), n + 1);
    assert_eq!(&k[k.len() - 2..], ["host", "emergency"]);
    let Resource::HostLine(h) = &out[n - 1] else { panic!() };
    assert_eq!(h.phone_dial.as_deref(), Some("18005550100"));
}

#[test]
fn replace_keeps_emergency_first_and_drops_shipped_lines() {
    let (out, _) = with_host_lines(resources("US", &[], Level::Emergency), "US", vec![campus()], HostMode::Replace);
    assert_eq!(kinds(&out), ["emergency", "host"]);
}

#[test]
fn replace_with_nothing_valid_keeps_the_shipped_lines() {
    let bad = HostLine { name: "Bad".into(), url: Some("http://insecure.example".into()), ..HostLine::default() };
    let base = resources("GB", &[], Level::Concern);
    let (out, rejected) = with_host_lines(base.clone(), "GB", vec![bad], HostMode::Replace);
    assert_eq!(out, base);
    assert_eq!(rejected.len(), 1);
    assert!(rejected[0].contains("https"), "{rejected:?}");
}

#[test]
fn invalid_entries_are_rejected_with_reasons() {
    let cases = [
        HostLine { name: "".into(), phone: Some("988".into()), ..HostLine::default() },
        HostLine { name: "Free text phone".into(), phone: Some("call us (option 2)".into()), ..HostLine::default() },
        HostLine { name: "Option without phone".into(), phone_option: Some("2".into()), url: Some("https://a.example".into()), ..HostLine::default() },
        HostLine { name: "Keyword without sms".into(), sms_keyword: Some("HELLO".into()), url: Some("https://a.example".into()), ..HostLine::default() },
        HostLine { name: "Script".into(), url: Some("javascript:alert(1)".into()), ..HostLine::default() },
        HostLine { name: "Nothing to reach".into(), ..HostLine::default() },
        HostLine { name: "x".repeat(121), phone: Some("988".into()), ..HostLine::default() },
        HostLine { name: "Bad topics".into(), phone: Some("988".into()), topics: vec!["<b>".into()], ..HostLine::default() },
        HostLine { name: "Bad country".into(), phone: Some("988".into()), country: Some("USA".into()), ..HostLine::default() },
    ];
    let n = cases.len();
    let (out, rejected) = with_host_lines(resources("US", &[], Level::Concern), "US", cases.to_vec(), HostMode::Merge);
    assert_eq!(rejected.len(), n, "{rejected:#?}");
    assert!(!kinds(&out).contains(&"host"));
}

#[test]
fn lines_for_another_country_are_skipped_and_the_count_is_capped() {
    let other = HostLine { country: Some("CA".into()), ..campus() };
    let (out, rejected) = with_host_lines(resources("US", &[], Level::Concern), "US", vec![other], HostMode::Merge);
    assert!(rejected.is_empty() && !kinds(&out).contains(&"host"));
    let many = vec![campus(); MAX_HOST_LINES + 3];
    let (out, rejected) = with_host_lines(resources("US", &[], Level::Concern), "US", many, HostMode::Merge);
    assert_eq!(rejected.len(), 3);
    assert_eq!(kinds(&out).iter().filter(|k| **k == "host").count(), MAX_HOST_LINES);
}

#[test]
fn unknown_country_host_lines_go_before_findahelpline() {
    let (out, _) = with_host_lines(resources("ZZ", &[], Level::Concern), "ZZ", vec![campus()], HostMode::Merge);
    assert_eq!(kinds(&out), ["host", "find", "guidance"]);
    let (out, _) = with_host_lines(resources("ZZ", &[], Level::Emergency), "ZZ", vec![campus()], HostMode::Merge);
    assert_eq!(kinds(&out), ["guidance", "host", "find"]);
}

#[test]
fn host_lines_serialize_as_host_line() {
    let (out, _) = with_host_lines(Vec::new(), "US", vec![campus()], HostMode::Merge);
    let v = serde_json::to_value(&out).unwrap();
    assert_eq!(v[0]["kind"], "host_line");
    assert_eq!(v[0]["name"], "Campus Counselling");
}
