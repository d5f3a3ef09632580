//! `Screening::to_json` (what the browser API hands to JavaScript) is byte for byte what serde
//! writes natively, for every labelled message and a few awkward strings.

use before_you_rely::screen::screen;

#[test]
fn hand_written_json_matches_serde() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screen");
    let mut texts: Vec<String> = vec![
        String::new(),
        "\"quoted\" \\ back\\slash \u{1} control".into(),
        "i want to die 😭 and \u{2028} more".into(),
    ];
    for entry in std::fs::read_dir(&dir).expect("tests/screen") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "tsv") {
            let body = std::fs::read_to_string(&path).expect("tsv");
            texts.extend(body.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.splitn(3, '\t').nth(2)).map(String::from));
        }
    }
    assert!(texts.len() > 1000);
    for t in &texts {
        let s = screen(t, None);
        assert_eq!(s.to_json(), serde_json::to_string(&s).expect("serde"), "{t:?}");
    }
}
