//! The browser layer: mounts the panel into the custom element's shadow root and translates DOM
//! events into engine calls. The element class itself is JavaScript (`js/before-you-rely.js`),
//! because wasm-bindgen cannot extend `HTMLElement` from Rust.

mod dom;
mod help;
mod panel;
mod style;

use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

use crate::Lang;
use panel::View;

struct State {
    host: HtmlElement,
    root: ShadowRoot,
    view: View,
}

/// A mounted panel. JavaScript calls `free()` when the element leaves the page, which drops the
/// listeners with it.
#[wasm_bindgen]
pub struct Panel {
    state: Rc<RefCell<State>>,
    _listeners: Vec<EventListener>,
}

/// Renders the panel into `root` (the element's open shadow root), reading `lang` and `country`
/// from `host`.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: ShadowRoot) -> Result<Panel, JsValue> {
    style::apply(&root)?;
    let view = read_view(&host);
    let state = Rc::new(RefCell::new(State { host, root, view }));
    render(&state.borrow())?;
    let listeners = vec![on_click(&state)];
    Ok(Panel { state, _listeners: listeners })
}

#[wasm_bindgen]
impl Panel {
    /// Called by the element when an observed attribute changes.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self) -> Result<(), JsValue> {
        let mut state = self.state.borrow_mut();
        state.view = read_view(&state.host);
        render(&state)
    }
}

fn read_view(host: &HtmlElement) -> View {
    let lang = host
        .get_attribute("lang")
        .or_else(|| dom::document().ok()?.document_element()?.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let country = host
        .get_attribute("country")
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        .unwrap_or_else(|| "US".to_string());
    View { lang, country }
}

fn render(state: &State) -> Result<(), JsValue> {
    let panel = panel::render(&state.view)?;
    state.root.replace_children_with_node_1(&panel.0);
    Ok(())
}

/// One delegated click listener on the shadow root: buttons say what they do in `data-action`.
fn on_click(state: &Rc<RefCell<State>>) -> EventListener {
    let root = state.borrow().root.clone();
    let state = Rc::clone(state);
    EventListener::new(&root, "click", move |event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Ok(Some(button)) = target.closest("[data-action]") else { return };
        if button.get_attribute("data-action").as_deref() == Some("help") {
            focus_help(&state.borrow().root);
        }
    })
}

/// Brings the help section into view and moves focus to its heading, so a screen reader reads it.
fn focus_help(root: &ShadowRoot) {
    if let Some(heading) = root.get_element_by_id(help::HEADING_ID) {
        heading.scroll_into_view();
        if let Ok(heading) = heading.dyn_into::<HtmlElement>() {
            let _ = heading.focus();
        }
    }
}
