//! The "Before you rely on AI" section. (Placeholder: filled in by its feature.)

use super::dom::{el, El, Result};
use super::ui::Ui;
use super::State;

/// The section's content, rendered into `<div data-slot="ai">`.
pub fn render(_ui: &Ui, _state: &State) -> Result<El> {
    el("div")
}
