//! The screen never panics, keeps spans in bounds and on character boundaries, and costs time
//! linear in the input.

use before_you_rely::screen::screen;
use before_you_rely::Lang;
use proptest::prelude::*;

fn check_spans(text: &str) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let s = screen(text, None);
    for e in &s.evidence {
        assert!(
            e.start <= e.end && (e.end as usize) <= units.len(),
            "span out of bounds: {e:?}"
        );
        // Never inside a surrogate pair: the first unit is not a low surrogate, the last not a high one.
        let first = units.get(e.start as usize).copied().unwrap_or(0);
        assert!(!(0xDC00..0xE000).contains(&first), "span starts inside a pair");
        if e.end > e.start {
            let last = units[e.end as usize - 1];
            assert!(!(0xD800..0xDC00).contains(&last), "span ends inside a pair");
        }
    }
    for c in &s.distress {
        assert!(c.start <= c.end && (c.end as usize) <= units.len());
    }
    let mut sorted = s.categories.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, s.categories);
    assert_eq!(
        s.level,
        s.evidence.iter().map(|e| e.level).max().unwrap_or(s.level).max(s.level)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check_spans(&text);
        let _ = screen(&text, Some(Lang::Es));
    }

    #[test]
    fn crisis_words_mixed_with_unicode(
        parts in proptest::collection::vec(prop_oneof![
            Just("kill".to_string()), Just("myself".to_string()), Just("me quiero matar".to_string()),
            Just("\u{0301}".to_string()), Just("\u{200B}".to_string()), Just("😀".to_string()),
            Just("’".to_string()), Just("k*ll".to_string()), Just("\u{FE0F}".to_string()), Just("ǅ".to_string()),
            Just(" ".to_string()), Just(".".to_string()), Just("iiii".to_string()), Just("not".to_string()),
            Just("İ".to_string()), Just("ﬁ".to_string()), Just("💊".to_string()), Just("30".to_string()),
            "\\PC{0,4}",
        ], 0..40)
    ) {
        check_spans(&parts.concat());
    }
}

#[test]
fn huge_repeats_do_not_panic() {
    for unit in [
        "a",
        "kill myself ",
        "💊",
        "\u{0301}",
        "ı",
        "k*",
        "no ",
        ".",
        "i want to die. ",
    ] {
        check_spans(&unit.repeat(20_000));
    }
}

#[test]
fn cost_is_linear_in_length() {
    // Not a timing bar (that is in `cargo bench --bench screen`): only that 8x the text costs
    // nowhere near 64x the time.
    let base = "i had a long day at work and i want to die honestly, but then my friend called me. ".repeat(200);
    // The fastest of five runs: a busy machine slows single runs, never the best one much.
    let time = |t: &str| {
        (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                std::hint::black_box(screen(std::hint::black_box(t), None));
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let small = time(&base);
    let large = time(&base.repeat(8));
    assert!(large < small * 32.0 + 0.05, "8x text took {large:.4}s vs {small:.4}s");
}
