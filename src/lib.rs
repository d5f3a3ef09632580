//! before-you-rely: the engines behind the "before you rely on AI" panel.
//!
//! The engines are pure Rust with no web dependency and are tested natively:
//! - [`screen`]: reads text and finds crisis language, with the evidence for every finding.
//! - [`directory`]: the helplines shipped with the widget and the order to show them in.
//! - [`checks`]: validated self-check questionnaires, scored exactly as published.
//! - [`prompts`]: evidence-based journaling prompts, gentler when distress is high.
//! - [`strings`]: the panel's UI text in each language.
//!
//! The browser layer ([`web`], wasm32 only) is thin: it translates between the DOM and these engines.

pub mod checks;
pub mod directory;
pub mod level;
pub mod links;
pub mod prompts;
pub mod screen;
pub mod strings;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use level::{Category, Lang, Level};
