//! Guard mode: `<before-you-rely mode="guard" for="ID">` stands in front of a site's chat input.
//! When the person sends a message, it is screened on the device first; at or above the threshold
//! the send is cancelled and a calm card offers a person to talk to, or "Send anyway".
//! Nothing about the message leaves the page, and events carry the finding, never the text.

use super::config::Config;
use super::dom::{button, el, text_el, El, Result};
use super::events;
use super::panel::View;
use super::ui::Ui;
use super::{help, Shared};
use crate::Level;
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlDialogElement, HtmlElement, HtmlFormElement, KeyboardEvent};

pub const DIALOG_ID: &str = "byr-guard-card";
pub const NOTICE_ID: &str = "byr-guard-notice";

/// How to let a held message go once the person chooses "Send anyway".
pub enum Release {
    /// The form's submit was cancelled: submit it again.
    Form(HtmlFormElement),
    /// Enter in an input with no form was cancelled: press it again.
    Enter(HtmlElement),
    /// The host called `check(text)`: resolve its promise.
    Check(js_sys::Function),
}

/// Guard state, kept in the panel's state while the element is in guard mode.
#[derive(Default)]
pub struct Guard {
    /// The held message's release, while the card is open.
    pub held: Option<Release>,
    /// Set while a released message goes through, so the guard does not stop it again.
    pub bypass: bool,
}

/// The compact bar the guard shows next to the chat, with the (closed) card.
pub fn render(ui: &Ui, view: &View, config: &Config, exit: El) -> Result<El> {
    let card = el("dialog")?
        .id(DIALOG_ID)?
        .class("guard-card")?
        .attr("part", "guard-card")?
        .attr("aria-labelledby", "byr-guard-title")?
        .child(el("h2")?.id("byr-guard-title")?.text(ui.t("guard.title"))?)?
        .child(text_el("p", "", ui.t("guard.lead"))?)?
        .child(
            el("div")?
                .class("guard-actions")?
                .child(button(ui.t("guard.talk"))?.class("primary")?.attr("data-action", "guard-talk")?)?
                .child(button(ui.t("guard.send"))?.attr("data-action", "guard-send")?)?,
        )?
        .child(text_el("p", "muted", ui.t("guard.held"))?)?
        .child(help::section(ui, view, config)?)?
        .child(exit)?;
    el("section")?
        .class("guard")?
        .attr("part", "guard")?
        .attr("aria-label", ui.t("panel.title"))?
        .child(text_el("p", "muted", ui.t("guard.active"))?)?
        .child(el("p")?.id(NOTICE_ID)?.class("support-note")?.attr("role", "status")?)?
        .child(help::jump_button(ui)?)?
        .child(card)
}

/// The page element the guard protects (`for="ID"`), if it exists.
fn target(state: &Shared) -> Option<HtmlElement> {
    let id = state.borrow().host.get_attribute("for")?;
    super::dom::document().ok()?.get_element_by_id(&id)?.dyn_into().ok()
}

fn value_of(el: &HtmlElement) -> String {
    js_sys::Reflect::get(el, &JsValue::from_str("value")).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

fn form_of(el: &HtmlElement) -> Option<HtmlFormElement> {
    js_sys::Reflect::get(el, &JsValue::from_str("form")).ok()?.dyn_into().ok()
}

/// Listeners on the window in the capture phase, so the guard sees a send before the host does.
pub fn listeners(state: &Shared) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
    let on_submit = {
        let state = Rc::clone(state);
        EventListener::new_with_options(&window, "submit", capture, move |event| {
            let Some(input) = target(&state) else { return };
            let Some(form) = form_of(&input) else { return };
            if event.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()).as_ref() != Some(&form) {
                return;
            }
            gate(&state, event, &value_of(&input), Release::Form(form));
        })
    };
    let on_enter = {
        let state = Rc::clone(state);
        EventListener::new_with_options(&window, "keydown", capture, move |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
            if key.key() != "Enter" || key.shift_key() || key.is_composing() {
                return;
            }
            let Some(input) = target(&state) else { return };
            // With a form, Enter becomes a submit (or the host submits it): the submit gate handles it.
            if form_of(&input).is_some() || event.target().and_then(|t| t.dyn_into::<Element>().ok()).as_deref() != Some(&input) {
                return;
            }
            gate(&state, event, &value_of(&input), Release::Enter(input));
        })
    };
    vec![on_submit, on_enter]
}

/// Screens an outgoing message; holds it (cancelling `event`) at or above the threshold.
fn gate(state: &Shared, event: &Event, text: &str, release: Release) {
    if state.borrow().guard.bypass {
        return;
    }
    if decide(state, text, release) {
        event.prevent_default();
        event.stop_immediate_propagation();
    }
}

/// Screens `text`, tells the host (without the text), and opens the card if it must be held.
/// Returns true when the message is held.
pub fn decide(state: &Shared, text: &str, release: Release) -> bool {
    let screening = crate::screen::screen(text, None);
    let hold_at = state.borrow().config.hold_at;
    let held = screening.level >= hold_at;
    events::screen(&state.borrow().host, &screening, held);
    {
        let mut s = state.borrow_mut();
        s.view.screening = screening;
        if held {
            s.guard.held = Some(release);
        } else if let Release::Check(resolve) = release {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::TRUE);
        }
    }
    let s = state.borrow();
    let _ = super::show_screening(&s);
    if let Some(notice) = s.root.get_element_by_id(NOTICE_ID) {
        let gentle = !held && s.view.screening.level >= Level::Concern;
        notice.set_text_content(gentle.then(|| s.ui().t("guard.concern").to_string()).as_deref());
    }
    if held {
        open_card(&s.root);
    }
    held
}

/// Opens the help card as a modal dialog (focus moves into it; Esc closes it).
pub fn open_card(root: &web_sys::ShadowRoot) {
    if let Some(card) = dialog(root) {
        if !card.open() {
            let _ = card.show_modal();
        }
    }
}

fn dialog(root: &web_sys::ShadowRoot) -> Option<HtmlDialogElement> {
    root.get_element_by_id(DIALOG_ID)?.dyn_into().ok()
}

/// "Send anyway": close the card and let the held message go where it was going.
pub fn send_anyway(state: &Shared) {
    let release = state.borrow_mut().guard.held.take();
    if let Some(card) = dialog(&state.borrow().root) {
        card.close();
    }
    let Some(release) = release else { return };
    state.borrow_mut().guard.bypass = true;
    match release {
        Release::Form(form) => {
            let _ = form.request_submit();
        }
        Release::Enter(input) => {
            let init = web_sys::KeyboardEventInit::new();
            init.set_key("Enter");
            init.set_bubbles(true);
            init.set_cancelable(true);
            if let Ok(key) = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init) {
                let _ = input.dispatch_event(&key);
            }
        }
        Release::Check(resolve) => {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::TRUE);
        }
    }
    state.borrow_mut().guard.bypass = false;
}

/// "Talk to a person now": keep the message held and move focus to the first way to reach someone.
pub fn talk_now(state: &Shared) {
    resolve_check(state, false);
    let root = state.borrow().root.clone();
    if let Ok(Some(first)) = root.query_selector(&format!("#{DIALOG_ID} #{} a", help::CARDS_ID)) {
        if let Ok(first) = first.dyn_into::<HtmlElement>() {
            let _ = first.focus();
        }
    }
}

/// The card was closed without sending (Esc, or the page): the message stays in the box.
pub fn dismissed(state: &Shared) {
    resolve_check(state, false);
}

/// Settles a pending `check()` promise, if the held message came from one. A held form submit or
/// Enter stays held, so "Send anyway" can still release it.
fn resolve_check(state: &Shared, send: bool) {
    let mut s = state.borrow_mut();
    if matches!(s.guard.held, Some(Release::Check(_))) {
        if let Some(Release::Check(resolve)) = s.guard.held.take() {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(send));
        }
    }
}
