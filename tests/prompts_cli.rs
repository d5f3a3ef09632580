//! `before-you-rely prompts` on the command line.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_before-you-rely")).arg("prompts").args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, stdout) = run(args);
    assert_eq!(code, 0, "{args:?}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

#[test]
fn prints_the_requested_number_of_prompts_as_json() {
    let v = json(&["--lang", "es", "--count", "3", "--seed", "7"]);
    let prompts = v["prompts"].as_array().expect("prompts array");
    assert_eq!(prompts.len(), 3);
    for p in prompts {
        assert_eq!(p["prompt"]["lang"], "es");
        assert!(p["prompt"]["id"].as_str().is_some_and(|id| id.starts_with("es-")));
        assert!(p["prompt"]["minutes"].as_u64().is_some_and(|m| (1..=30).contains(&m)));
        assert!(p["prompt"]["exercise"].is_string() && p["prompt"]["intensity"].is_string());
    }
    assert_eq!(v["show_help"], false);
}

#[test]
fn the_same_seed_prints_the_same_json() {
    let args = ["--count", "4", "--seed", "12345", "--theme", "worry"];
    assert_eq!(run(&args), run(&args));
    assert_eq!(json(&args)["theme"], "worry");
}

#[test]
fn high_levels_keep_to_gentle_prompts_and_show_help() {
    for level in ["concern", "urgent", "emergency"] {
        let v = json(&["--level", level, "--count", "10", "--deep", "--seed", "3"]);
        assert_eq!(v["show_help"], true);
        assert_eq!(v["deep_withheld"], true);
        for p in v["prompts"].as_array().expect("array") {
            let intensity = p["prompt"]["intensity"].as_str().expect("intensity");
            assert!(intensity == "gentle" || p["prompt"]["exercise"] == "grounding", "{level}: {p}");
        }
    }
    let v = json(&["--phq9", "18", "--count", "5"]);
    assert_eq!(v["show_help"], true);
}

#[test]
fn deep_prompts_come_with_the_caution() {
    let v = json(&["--deep", "--count", "2"]);
    for p in v["prompts"].as_array().expect("array") {
        assert_eq!(p["prompt"]["intensity"], "deep");
        assert!(p["caution"].as_str().is_some_and(|c| c.contains("worse at first")));
    }
}

#[test]
fn history_is_not_repeated() {
    let first = json(&["--seed", "5"]);
    let id = first["prompts"][0]["prompt"]["id"].as_str().expect("id").to_string();
    let next = json(&["--seed", "5", "--history", &id]);
    assert_ne!(next["prompts"][0]["prompt"]["id"], id.as_str());
}

#[test]
fn bad_arguments_fail_with_usage() {
    for args in [&["--level", "panic"][..], &["--count"], &["--lang", "fr"], &["--bogus"]] {
        assert_eq!(run(args).0, 2, "{args:?}");
    }
    assert_eq!(run(&["--help"]).0, 0);
}
