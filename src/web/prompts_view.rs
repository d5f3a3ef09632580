//! The "prompts" section of the panel. (Placeholder: filled in by its feature.)

use super::dom::{el, El, Result};
use super::ui::Ui;
use super::{Shared, State};
use web_sys::Element;

/// This section's state: memory only.
#[derive(Default)]
pub struct Prompts;

/// The section's content, rendered into `<div data-slot="prompts">`.
pub fn render(_ui: &Ui, _state: &State) -> Result<El> {
    el("div")
}

/// A click on a control whose `data-action` starts with this section's prefix.
pub fn on_action(_state: &Shared, _action: &str, _target: &Element) {}

/// An input/change on a control whose `data-input` starts with this section's prefix.
pub fn on_input(_state: &Shared, _kind: &str, _target: &Element) {}
