//! `before-you-rely resources` on the command line.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_before-you-rely")).arg("resources").args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

fn json(args: &[&str]) -> Vec<serde_json::Value> {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn us_abuse_lists_the_domestic_violence_hotline_before_988() {
    let v = json(&["--country", "US", "--category", "abuse"]);
    let at = |phone: &str| v.iter().position(|x| x["phone"] == phone).unwrap();
    assert!(at("1-800-799-7233") < at("988"));
}

#[test]
fn us_emergency_level_starts_with_911() {
    let v = json(&["--country", "us", "--level", "emergency"]);
    assert_eq!((v[0]["kind"].as_str(), v[0]["number"].as_str()), (Some("emergency"), Some("911")));
}

#[test]
fn gb_lists_samaritans() {
    let v = json(&["--country", "GB"]);
    assert!(v.iter().any(|x| x["name"] == "Samaritans" && x["phone"] == "116 123"));
}

#[test]
fn unknown_country_gives_guidance_and_findahelpline_without_a_number() {
    let (code, out, _) = run(&["--country", "ZZ", "--level", "emergency"]);
    assert_eq!(code, 0);
    assert!(out.contains("emergency_guidance") && out.contains("https://findahelpline.com"));
    assert!(!out.bytes().any(|b| b.is_ascii_digit()), "{out}");
}

#[test]
fn spanish_and_topic_options() {
    let v = json(&["--country", "US", "--lang", "es", "--category", "suicide,self_harm"]);
    assert_eq!((v[0]["phone"].as_str(), v[0]["phone_option"].as_str()), (Some("988"), Some("2")));
    let v = json(&["--country", "US", "--topic", "lgbtq-youth"]);
    assert_eq!(v[0]["sms_keyword"], "START");
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    for args in [&[][..], &["--country"], &["--country", "USA"], &["--country", "US", "--category", "sadness"], &["--country", "US", "--level", "high"], &["--country", "US", "--lang", "fr"], &["--bogus"]] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty() && err.contains("before-you-rely resources:"), "{args:?}: {err}");
    }
}
