//! `before-you-rely check` end to end.

use std::process::Command;

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_before-you-rely")).arg("check").args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = check(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(stdout.trim()).expect("one JSON object")
}

#[test]
fn phq9_boundaries_through_the_cli() {
    for (answers, score, band) in [
        ("0,0,0,0,0,0,0,0,0", 0, "minimal"),
        ("3,1,0,0,0,0,0,0,0", 4, "minimal"),
        ("3,2,0,0,0,0,0,0,0", 5, "mild"),
        ("3,3,3,1,0,0,0,0,0", 10, "moderate"),
        ("3,3,3,3,3,0,0,0,0", 15, "moderately_severe"),
        ("3,3,3,3,3,3,2,0,0", 20, "severe"),
    ] {
        let v = json(&["phq9", "--answers", answers]);
        assert_eq!(v["score"], score);
        assert_eq!(v["band"], band);
        assert_eq!(v["instrument"], "phq9");
    }
}

#[test]
fn the_json_has_the_documented_fields() {
    let v = json(&["gad7", "--answers", "2,2,2,2,2,0,0"]);
    for field in ["instrument", "score", "band", "positive", "acute", "level", "next", "crisis_first", "complete"] {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    assert_eq!(
        (v["band"].as_str(), v["level"].as_str(), v["next"].as_str()),
        (Some("moderate"), Some("support"), Some("talk_to_professional"))
    );
}

#[test]
fn item_9_through_the_cli() {
    let v = json(&["phq9", "--answers", "1,1,0,0,0,0,0,0,1"]);
    assert_eq!(v["score"], 3);
    assert!(v["band"].is_null());
    assert_eq!(
        (v["crisis_first"].as_bool(), v["level"].as_str(), v["next"].as_str()),
        (Some(true), Some("concern"), Some("offer_asq"))
    );
}

#[test]
fn asq_paths_through_the_cli() {
    let v = json(&["asq", "--answers", "n,n,n,n"]);
    assert_eq!(
        (v["band"].as_str(), v["level"].as_str(), v["positive"].as_bool()),
        (Some("negative"), Some("none"), Some(false))
    );
    let v = json(&["asq", "--answers", "y,n,n,n,n"]);
    assert_eq!(
        (v["band"].as_str(), v["level"].as_str(), v["acute"].as_bool()),
        (Some("non_acute_positive"), Some("urgent"), Some(false))
    );
    let v = json(&["asq", "--answers=n,n,Y,n,y"]);
    assert_eq!(
        (v["band"].as_str(), v["level"].as_str(), v["next"].as_str()),
        (Some("acute_positive"), Some("emergency"), Some("emergency_now"))
    );
    let v = json(&["asq", "--answers", "n,-,n,n,n"]);
    assert_eq!((v["positive"].as_bool(), v["level"].as_str()), (Some(true), Some("urgent")));
    assert!(v["score"].is_null());
}

#[test]
fn short_forms_through_the_cli() {
    assert_eq!(json(&["phq2", "--answers", "1,1"])["next"], "self_care");
    assert_eq!(json(&["phq2", "--answers", "2,1"])["next"], "offer_phq9");
    assert_eq!(json(&["gad2", "--answers", "1,2"])["next"], "offer_gad7");
}

#[test]
fn partial_answers_say_so() {
    let (code, stdout, stderr) = check(&["gad7", "--answers", "1,2,3"]);
    assert_eq!(code, 0);
    assert!(stderr.contains("not every item"));
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!((v["complete"].as_bool(), v["next"].as_str()), (Some(false), Some("incomplete")));
    assert!(v["score"].is_null());
}

#[test]
fn bad_input_exits_2_with_a_message() {
    for args in [
        &["phq9", "--answers", "0,1,4"][..],
        &["phq9", "--answers", "a,b"],
        &["asq", "--answers", "y,maybe"],
        &["asq", "--answers", "n,n,n,n,y"],
        &["gad2", "--answers", "0,0,0"],
        &["cssrs", "--answers", "y"],
        &["phq9"],
        &["--answers", "0"],
        &["phq9", "--answers"],
        &["phq9", "--answers", ""],
    ] {
        let (code, stdout, stderr) = check(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty() && stderr.contains("before-you-rely check:"), "{args:?}: {stderr}");
    }
}
