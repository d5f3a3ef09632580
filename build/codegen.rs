//! Small helpers the data generators share: reading data files and writing Rust source.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The crate root (where `data/` lives).
pub fn root() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
}

/// Reads `data/<rel>` and tells cargo to rebuild when it changes.
pub fn read_data(rel: &str) -> String {
    let path = root().join("data").join(rel);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The files in `data/<dir>` ending in `ext`, sorted by name; cargo rebuilds when the folder changes.
pub fn data_files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let path = root().join("data").join(dir);
    println!("cargo:rerun-if-changed={}", path.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", path.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    files
}

/// Reads a file and tells cargo to rebuild when it changes.
pub fn read_path(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Writes generated source to `$OUT_DIR/<name>`.
pub fn write_out(name: &str, source: &str) {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(&out, source).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// A Rust string literal for `s` (Debug formatting escapes quotes, backslashes and control chars).
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// A Rust `Option<&'static str>` literal.
pub fn opt_lit(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".to_string(),
    }
}

/// A Rust `&[&str]` literal.
pub fn slice_lit<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::from("&[");
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{:?}", s.as_ref());
    }
    out.push(']');
    out
}

/// A `crate::strings::Texts` literal: the strings concatenated into one literal plus where each
/// ends (u16), so the wasm stores two bytes per string instead of an eight-byte pointer and length.
pub fn texts_lit<S: AsRef<str>>(items: &[S]) -> String {
    let mut text = String::new();
    let mut ends = String::new();
    for s in items {
        text.push_str(s.as_ref());
        let end = u16::try_from(text.len()).unwrap_or_else(|_| panic!("a Texts table is over 64 KiB"));
        let _ = write!(ends, "{end},");
    }
    format!("crate::strings::Texts {{ text: {}, ends: &[{ends}] }}", lit(&text))
}

/// Fails the build with a message that names the data file.
pub fn fail(file: &str, msg: impl std::fmt::Display) -> ! {
    panic!("data error in {file}: {msg}")
}

/// A warning cargo shows without failing the build.
pub fn warn(msg: impl std::fmt::Display) {
    println!("cargo:warning={msg}");
}
