//! Quick exit, for someone who may be watched: a visible "Leave quickly" button, or Esc twice, swaps
//! the page for a neutral one with `location.replace` (so Back does not return) after wiping the
//! panel's state. The note beside it says honestly that browser history is not erased.

use super::dom::{button, el, text_el, El, Result};
use super::ui::Ui;
use super::Shared;
use gloo_events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// Two Esc presses within this many milliseconds leave the page.
const DOUBLE_ESC_MS: f64 = 1000.0;

pub fn control(ui: &Ui) -> Result<El> {
    el("div")?
        .class("exit")?
        .child(button(ui.t("exit.button"))?.class("exit-button")?.attr("part", "exit-button")?.attr("data-action", "exit")?)?
        .child(text_el("p", "muted", ui.t("exit.note"))?)
}

/// Wipes what the panel holds and leaves for the configured neutral page.
pub fn leave(state: &Shared) {
    let (root, url) = {
        let mut s = state.borrow_mut();
        s.forget();
        (s.root.clone(), s.config.exit_url.clone())
    };
    // Outside the borrow: removing a focused, edited text box fires `change` (and blur) right away,
    // and those listeners borrow the state too.
    root.replace_children_with_node_0();
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&url);
    }
}

/// Esc pressed twice, anywhere on the page.
pub fn on_double_escape(state: &Shared) -> Option<EventListener> {
    let window = web_sys::window()?;
    let last = Rc::new(Cell::new(f64::NEG_INFINITY));
    let state = Rc::downgrade(state);
    Some(EventListener::new(&window, "keydown", move |event| {
        let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
        if key.key() != "Escape" {
            return;
        }
        let now = js_sys::Date::now();
        if now - last.get() <= DOUBLE_ESC_MS {
            if let Some(state) = state.upgrade() {
                leave(&state);
            }
        }
        last.set(now);
    }))
}
