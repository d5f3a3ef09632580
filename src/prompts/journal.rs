//! The on-device journal: a versioned text format for storage (no serde_json: the library runs in
//! wasm) and the Markdown export.
//!
//! Format, one line per entry, fields separated by tabs, `\`, tab, CR and LF escaped:
//! ```text
//! byr-journal v1
//! <prompt_id>\t<written_at>\t<prompt_text>\t<text>
//! end <number of entries>
//! ```
//! The footer catches a store cut short; every line that can be read is kept even when others can't.

use crate::{strings, Lang};
use serde::Serialize;

/// The first line of a stored journal.
pub const HEADER: &str = "byr-journal v1";
const HEADER_PREFIX: &str = "byr-journal ";
const FOOTER_PREFIX: &str = "end ";

/// One journal entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The id of the prompt answered (empty for free writing).
    pub prompt_id: String,
    /// The prompt as it was shown, so the entry still reads well if the library changes.
    pub prompt_text: String,
    /// When it was written, as an ISO 8601 string supplied by the caller (local time is friendliest).
    pub written_at: String,
    pub text: String,
}

/// Why a stored journal could not be read in full.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum JournalError {
    /// Written by a different (newer?) version of the widget; `found` is its header line.
    ForeignVersion { found: String },
    /// Damaged; `readable` holds every entry that could still be read, in order.
    Corrupt { readable: Vec<Entry> },
}

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JournalError::ForeignVersion { found } => write!(f, "journal written in an unknown format ({found})"),
            JournalError::Corrupt { readable } => write!(f, "damaged journal ({} entries readable)", readable.len()),
        }
    }
}

impl std::error::Error for JournalError {}

fn escape_into(out: &mut String, field: &str) {
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(field: &str) -> Option<String> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}

/// The stored form of `entries`.
pub fn serialize_journal(entries: &[Entry]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for e in entries {
        for (i, field) in [&e.prompt_id, &e.written_at, &e.prompt_text, &e.text].into_iter().enumerate() {
            if i > 0 {
                out.push('\t');
            }
            escape_into(&mut out, field);
        }
        out.push('\n');
    }
    out.push_str(FOOTER_PREFIX);
    out.push_str(&entries.len().to_string());
    out.push('\n');
    out
}

fn parse_entry(line: &str) -> Option<Entry> {
    let mut fields = line.split('\t');
    let prompt_id = unescape(fields.next()?)?;
    let written_at = unescape(fields.next()?)?;
    let prompt_text = unescape(fields.next()?)?;
    let text = unescape(fields.next()?)?;
    if fields.next().is_some() {
        return None;
    }
    Some(Entry { prompt_id, prompt_text, written_at, text })
}

/// Reads a stored journal. Never panics, whatever the input.
pub fn parse_journal(stored: &str) -> Result<Vec<Entry>, JournalError> {
    let mut lines = stored.lines();
    let header = lines.next().unwrap_or("");
    let mut intact = header == HEADER;
    // Another version's header is left alone; a cut-off copy of ours is only damage.
    if !intact && header.starts_with(HEADER_PREFIX) && !HEADER.starts_with(header) {
        return Err(JournalError::ForeignVersion { found: header.chars().take(80).collect() });
    }
    let mut entries = Vec::new();
    if !intact {
        // No header: maybe the first line is itself an entry.
        entries.extend(parse_entry(header));
    }
    let mut footer: Option<usize> = None;
    for line in lines {
        if let Some(n) = line.strip_prefix(FOOTER_PREFIX) {
            intact &= footer.is_none() && n.parse().ok() == Some(entries.len());
            footer = Some(entries.len());
            continue;
        }
        match parse_entry(line) {
            Some(e) => {
                intact &= footer.is_none();
                entries.push(e);
            }
            None => intact = false,
        }
    }
    if intact && footer.is_some() {
        Ok(entries)
    } else {
        Err(JournalError::Corrupt { readable: entries })
    }
}

/// Writes "2025-03-01T10:22:33Z" as "2025-03-01 10:22"; anything that is not ISO-like as given.
fn push_friendly_time(out: &mut String, iso: &str) {
    let b = iso.as_bytes();
    let looks_iso = b.len() >= 16
        && iso.is_char_boundary(16)
        && b[4] == b'-'
        && b[7] == b'-'
        && (b[10] == b'T' || b[10] == b' ')
        && b[13] == b':';
    if looks_iso {
        out.push_str(&iso[..10]);
        out.push(' ');
        out.push_str(&iso[11..16]);
    } else {
        out.push_str(iso);
    }
}

/// The journal as a Markdown document for the "Export" download.
pub fn journal_markdown(entries: &[Entry], lang: Lang) -> String {
    let mut out = String::new();
    out.push_str("# ");
    out.push_str(strings::text(lang, "journal.export_title"));
    out.push_str("\n\n");
    out.push_str(strings::text(lang, "journal.export_note"));
    out.push('\n');
    if entries.is_empty() {
        out.push('\n');
        out.push_str(strings::text(lang, "journal.export_no_entries"));
        out.push('\n');
    }
    for e in entries {
        out.push_str("\n---\n\n## ");
        match e.written_at.trim() {
            "" => out.push_str(strings::text(lang, "journal.export_undated")),
            when => push_friendly_time(&mut out, when),
        }
        out.push_str("\n\n");
        for line in e.prompt_text.trim().lines() {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
        if !e.prompt_text.trim().is_empty() {
            out.push('\n');
        }
        let text = e.text.trim_end();
        out.push_str(if text.trim().is_empty() { strings::text(lang, "journal.export_empty_entry") } else { text });
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str) -> Entry {
        Entry {
            prompt_id: "en-gr-01".into(),
            prompt_text: "Three good things.".into(),
            written_at: "2025-03-01T10:22:33Z".into(),
            text: text.into(),
        }
    }

    #[test]
    fn round_trips_awkward_text() {
        let entries = vec![entry("tabs\there\nnew line \\ backslash \\t not a tab\r\n"), entry(""), Entry::default()];
        assert_eq!(parse_journal(&serialize_journal(&entries)), Ok(entries));
        assert_eq!(parse_journal(&serialize_journal(&[])), Ok(vec![]));
    }

    #[test]
    fn foreign_versions_are_not_read_as_ours() {
        let stored = serialize_journal(&[entry("x")]).replace("v1", "v2");
        assert!(
            matches!(parse_journal(&stored), Err(JournalError::ForeignVersion { found }) if found == "byr-journal v2")
        );
    }

    #[test]
    fn a_cut_off_store_keeps_what_it_can() {
        let stored = serialize_journal(&[entry("one"), entry("two")]);
        let cut = &stored[..stored.len() - 8];
        match parse_journal(cut) {
            Err(JournalError::Corrupt { readable }) => assert_eq!(readable.len(), 2),
            other => panic!("{other:?}"),
        }
        let garbled = stored.replacen("one", "o\\qne", 1);
        assert_eq!(parse_journal(&garbled), Err(JournalError::Corrupt { readable: vec![entry("two")] }));
    }

    #[test]
    fn markdown_export_quotes_the_prompt_and_keeps_the_text() {
        let md = journal_markdown(&[entry("I walked.\nIt helped.")], Lang::En);
        assert!(md.starts_with("# "));
        assert!(md.contains("## 2025-03-01 10:22\n"));
        assert!(md.contains("> Three good things.\n"));
        assert!(md.contains("I walked.\nIt helped.\n"));
    }

    #[test]
    fn friendly_time_is_safe_on_odd_input() {
        for (given, shown) in [
            ("yesterday", "yesterday"),
            ("2025-03-01Té0:22:33", "2025-03-01Té0:22:33"),
            ("2025-03-01 10:22:33", "2025-03-01 10:22"),
            ("2025-03-01T10:2é", "2025-03-01T10:2é"),
        ] {
            let mut out = String::new();
            push_friendly_time(&mut out, given);
            assert_eq!(out, shown);
        }
    }
}
