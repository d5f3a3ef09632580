//! The stored journal format, the Markdown export and the consultation prep note.

use before_you_rely::prompts::{
    journal_markdown, parse_journal, prep_note_text, serialize_journal, Entry, JournalError, PrepAnswers,
};
use before_you_rely::{strings, Lang};
use proptest::prelude::*;

fn entry(i: usize) -> Entry {
    Entry {
        prompt_id: format!("en-gr-{i:02}"),
        prompt_text: "Write three things that went well today.".into(),
        written_at: format!("2025-03-{:02}T21:05:00", i % 28 + 1),
        text: format!("Entry {i}.\nA walk.\tTea.\\n not a newline"),
    }
}

fn any_entry() -> impl Strategy<Value = Entry> {
    (any::<String>(), any::<String>(), any::<String>(), any::<String>())
        .prop_map(|(prompt_id, prompt_text, written_at, text)| Entry { prompt_id, prompt_text, written_at, text })
}

#[test]
fn header_and_footer_frame_the_store() {
    let stored = serialize_journal(&[entry(1), entry(2)]);
    assert!(stored.starts_with("byr-journal v1\n"));
    assert!(stored.ends_with("end 2\n"));
    assert_eq!(stored.lines().count(), 4, "one line per entry");
}

#[test]
fn a_newer_version_is_foreign_not_corrupt() {
    for header in ["byr-journal v2", "byr-journal v10", "byr-journal 2026"] {
        let stored = format!("{header}\nwhatever\n");
        assert_eq!(parse_journal(&stored), Err(JournalError::ForeignVersion { found: header.into() }));
    }
}

#[test]
fn corruption_keeps_every_readable_entry() {
    let entries: Vec<Entry> = (1..=5).map(entry).collect();
    let stored = serialize_journal(&entries);
    let lines: Vec<&str> = stored.lines().collect();

    // One garbled line in the middle.
    let mut garbled = lines.clone();
    garbled[3] = "only\ttwo fields";
    let expected: Vec<Entry> = entries.iter().enumerate().filter(|(i, _)| *i != 2).map(|(_, e)| e.clone()).collect();
    assert_eq!(parse_journal(&garbled.join("\n")), Err(JournalError::Corrupt { readable: expected }));

    // No header (e.g. overwritten start): the entries are still read.
    let headless = lines[1..].join("\n");
    assert_eq!(parse_journal(&headless), Err(JournalError::Corrupt { readable: entries.clone() }));

    // Footer count disagrees: an entry went missing.
    let mut short = lines.clone();
    short.remove(2);
    assert!(matches!(parse_journal(&short.join("\n")), Err(JournalError::Corrupt { readable }) if readable.len() == 4));

    // Empty or unrelated text.
    assert_eq!(parse_journal(""), Err(JournalError::Corrupt { readable: vec![] }));
    assert_eq!(parse_journal("{\"entries\": []}"), Err(JournalError::Corrupt { readable: vec![] }));
}

#[test]
fn truncation_anywhere_is_never_mistaken_for_a_whole_journal() {
    let entries: Vec<Entry> = (1..=4).map(entry).collect();
    let stored = serialize_journal(&entries);
    for cut in 0..stored.len() - 1 {
        if !stored.is_char_boundary(cut) {
            continue;
        }
        match parse_journal(&stored[..cut]) {
            Ok(read) => panic!("cut at {cut} read as whole: {} entries", read.len()),
            Err(JournalError::Corrupt { readable }) => {
                assert!(readable.len() <= entries.len());
                // Whatever was read whole is a prefix of the journal, except a possibly cut last entry.
                let whole = readable.len().saturating_sub(1);
                assert_eq!(&readable[..whole], &entries[..whole]);
            }
            Err(e) => panic!("cut at {cut}: {e}"),
        }
    }
}

#[test]
fn markdown_export_lists_every_entry_in_order() {
    let entries: Vec<Entry> = (1..=3).map(entry).collect();
    let md = journal_markdown(&entries, Lang::En);
    assert!(md.starts_with("# My journal\n"));
    assert!(md.contains("not sent anywhere") || md.contains("nothing here was sent anywhere"));
    let positions: Vec<usize> = entries.iter().map(|e| md.find(&e.text).expect("entry text present")).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
    assert!(md.contains("## 2025-03-02 21:05"));
    assert!(md.contains("> Write three things that went well today."));

    let es = journal_markdown(&[], Lang::Es);
    assert!(es.starts_with("# Mi diario\n") && es.contains(strings::text(Lang::Es, "journal.export_no_entries")));
    let undated = journal_markdown(&[Entry { text: "hola".into(), ..Default::default() }], Lang::Es);
    assert!(undated.contains("## Sin fecha\n\nhola\n"));
}

#[test]
fn prep_note_has_the_form_and_the_local_footer() {
    let answers = PrepAnswers {
        help_with: "Worry that keeps me up at night.".into(),
        not_worked: "Pushing through on my own.".into(),
        need: "Someone patient who explains things.".into(),
        my_questions: "Do you work evenings?\nHow long does this usually take?".into(),
        include_standard_questions: true,
    };
    let note = prep_note_text(&answers, Lang::En);
    for heading in [
        "human.prep_title",
        "human.prep_help_with",
        "human.prep_not_worked",
        "human.prep_need",
        "human.prep_my_questions",
    ] {
        assert!(note.contains(strings::text(Lang::En, heading)), "{heading}");
    }
    assert!(note.contains("- Do you work evenings?\n- How long does this usually take?\n"));
    assert!(note.contains(strings::text(Lang::En, "human.ask_crisis")));
    assert!(note.trim_end().ends_with("Made on this device; not sent anywhere."));

    let es = prep_note_text(&PrepAnswers::default(), Lang::Es);
    assert!(es.contains("(sin completar)") && es.trim_end().ends_with(strings::text(Lang::Es, "human.prep_footer")));
}

proptest! {
    #[test]
    fn any_journal_round_trips(entries in prop::collection::vec(any_entry(), 0..20)) {
        prop_assert_eq!(parse_journal(&serialize_journal(&entries)), Ok(entries));
    }

    #[test]
    fn parsing_never_panics(input in any::<String>()) {
        let _ = parse_journal(&input);
        let _ = parse_journal(&format!("byr-journal v1\n{input}"));
        let _ = parse_journal(&format!("byr-journal v1\n{input}\nend 1\n"));
    }

    #[test]
    fn parsing_never_panics_on_line_shaped_noise(lines in prop::collection::vec("[a-z\\\\\\t ]{0,12}", 0..12)) {
        let stored = format!("byr-journal v1\n{}\nend {}\n", lines.join("\n"), lines.len());
        match parse_journal(&stored) {
            Ok(read) => prop_assert_eq!(read.len(), lines.len()),
            Err(JournalError::Corrupt { readable }) => prop_assert!(readable.len() <= lines.len()),
            Err(e) => prop_assert!(false, "{}", e),
        }
    }

    #[test]
    fn exports_never_panic(entries in prop::collection::vec(any_entry(), 0..8), es in any::<bool>()) {
        let lang = if es { Lang::Es } else { Lang::En };
        let md = journal_markdown(&entries, lang);
        prop_assert!(md.starts_with("# "));
    }
}
