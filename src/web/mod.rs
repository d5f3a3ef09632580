//! The browser layer: mounts the panel into the custom element's shadow root and translates DOM
//! events into engine calls. The element class itself is JavaScript (`js/before-you-rely.js`),
//! because wasm-bindgen cannot extend `HTMLElement` from Rust.

mod ai_view;
mod api;
mod checkin;
mod checks_view;
mod config;
mod dom;
mod download;
mod events;
mod exit;
mod guard;
mod help;
mod js_object;
mod human_view;
mod panel;
mod prompts_view;
mod storage;
mod style;
mod ui;

pub use api::screen_json;

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, ShadowRoot};

use crate::screen::{self, Screening};
use crate::{directory, Lang};
use config::Config;
use guard::{Guard, Release};
use panel::View;
use ui::Ui;

/// talc instead of std's dlmalloc: a smaller allocator for the same job (the widget runs on one thread,
/// which `new_global` requires).
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

/// How long typing must pause before the check-in box is screened.
const SCREEN_DEBOUNCE_MS: u32 = 250;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The whole panel.
    Panel,
    /// A gate in front of a chat input (`mode="guard" for="ID"`).
    Guard,
}

pub(crate) struct State {
    host: HtmlElement,
    root: ShadowRoot,
    mode: Mode,
    view: View,
    config: Config,
    guard: Guard,
    /// The pending debounced screening; replacing it cancels the previous one.
    pending: Option<Timeout>,
    /// Each section's own state (memory only, unless the person opts in to keeping something).
    checks: checks_view::Checks,
    prompts: prompts_view::Prompts,
    human: human_view::Human,
}

impl State {
    fn ui(&self) -> Ui<'_> {
        Ui { lang: self.view.lang, overrides: &self.config.strings }
    }

    /// Drops everything the person typed or was shown about it.
    fn forget(&mut self) {
        self.view.checkin.clear();
        self.view.screening = Screening::default();
        self.view.checks = panel::CheckSignal::default();
        self.guard = Guard::default();
        self.pending = None;
        self.checks = Default::default();
        self.prompts = Default::default();
        self.human = Default::default();
    }
}

pub(crate) type Shared = Rc<RefCell<State>>;

/// A mounted panel. JavaScript calls `free()` when the element leaves the page, which drops the
/// listeners and any pending timer with it.
#[wasm_bindgen]
pub struct Panel {
    state: Shared,
    _listeners: Vec<EventListener>,
}

/// How long after the first render the screen's indexes are built.
const WARM_UP_MS: u32 = 50;

/// Renders the panel into `root` (the element's open shadow root), reading its attributes and any
/// JSON config child from `host`.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: ShadowRoot) -> Result<Panel, JsValue> {
    style::apply(&root)?;
    let (raw, mut problems) = config::from_script_child(&host);
    let (mut config, more) = config::read(&raw);
    problems.extend(more);
    problems.extend(config::hold_at_attribute(&host, &mut config));
    warn(&problems);
    let mode = if host.get_attribute("mode").as_deref() == Some("guard") { Mode::Guard } else { Mode::Panel };
    let (lang, mut country) = read_attributes(&host);
    // A country the person asked us to remember wins over the host's default and the guess.
    let remembered = storage::get(storage::COUNTRY);
    if let Some(code) = &remembered {
        country = directory::country(code).map(|c| c.code.to_string()).unwrap_or_default();
    }
    let view = View {
        lang,
        country,
        remember_country: remembered.is_some(),
        checkin: String::new(),
        screening: Screening::default(),
        checks: Default::default(),
    };
    let state = Rc::new(RefCell::new(State {
        host,
        root,
        mode,
        view,
        config,
        guard: Guard::default(),
        pending: None,
        checks: Default::default(),
        prompts: Default::default(),
        human: Default::default(),
    }));
    render(&state.borrow())?;
    // The screen builds its word and pattern indexes at first use (milliseconds in a browser):
    // build them just after the first paint, not on the first key the person types.
    Timeout::new(WARM_UP_MS, || {
        let _ = crate::screen::screen("warm up", None);
    })
    .forget();
    let mut listeners = vec![on_click(&state), on_input(&state), on_change(&state), on_dialog_close(&state)];
    listeners.extend(exit::on_double_escape(&state));
    if mode == Mode::Guard {
        listeners.extend(guard::listeners(&state));
    }
    Ok(Panel { state, _listeners: listeners })
}

#[wasm_bindgen]
impl Panel {
    /// Called by the element when an observed attribute changes.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self) -> Result<(), JsValue> {
        let mut state = self.state.borrow_mut();
        let (lang, country) = read_attributes(&state.host);
        state.view.lang = lang;
        if !state.view.remember_country {
            state.view.country = country;
        }
        let host = state.host.clone();
        warn(&config::hold_at_attribute(&host, &mut state.config).into_iter().collect::<Vec<_>>());
        render(&state)
    }

    /// The element's `config` property: replaces the config and re-renders.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&self, value: JsValue) -> Result<(), JsValue> {
        let (mut config, mut problems) = config::read(&value);
        let mut state = self.state.borrow_mut();
        problems.extend(config::hold_at_attribute(&state.host, &mut config));
        warn(&problems);
        state.config = config;
        render(&state)
    }

    /// `el.check(text)`: screens a message the host is about to send. Resolves `true` when it may
    /// go (nothing found, below the threshold, or "Send anyway"), `false` when the person chose to
    /// talk to someone or closed the card.
    pub fn check(&self, text: &str) -> js_sys::Promise {
        let state = Rc::clone(&self.state);
        let text = text.to_string();
        js_sys::Promise::new(&mut move |resolve, _reject| {
            guard::decide(&state, &text, Release::Check(resolve));
        })
    }
}

fn warn(problems: &[String]) {
    for p in problems {
        web_sys::console::warn_1(&JsValue::from_str(&format!("<before-you-rely>: {p}")));
    }
}

fn read_attributes(host: &HtmlElement) -> (Lang, String) {
    let lang = host
        .get_attribute("lang")
        .or_else(|| dom::document().ok()?.document_element()?.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let country = match host.get_attribute("country") {
        Some(c) => directory::country(&c).map(|c| c.code.to_string()).unwrap_or_default(),
        None => guess_country().unwrap_or_default().to_string(),
    };
    (lang, country)
}

/// The country the browser suggests: `navigator.languages` regions, then the time zone. Never the network.
fn guess_country() -> Option<&'static str> {
    let navigator = web_sys::window()?.navigator();
    let tags: Vec<String> = navigator.languages().iter().filter_map(|t| t.as_string()).collect();
    let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new()).resolved_options();
    let zone = js_sys::Reflect::get(&options, &JsValue::from_str("timeZone")).ok().and_then(|z| z.as_string());
    directory::guess_country(&tags, zone.as_deref())
}

fn render(state: &State) -> Result<(), JsValue> {
    let ui = state.ui();
    let content = match state.mode {
        Mode::Panel => panel::render(&ui, &state.view, &state.config)?,
        Mode::Guard => guard::render(&ui, &state.view, &state.config, exit::control(&ui)?)?,
    };
    state.root.replace_children_with_node_1(&content.0);
    for slot in panel::SLOTS {
        refresh_slot(state, slot)?;
    }
    show_screening(state)
}

/// Renders one section into its slot (`<div data-slot="…">`), if the panel shows it.
pub(crate) fn refresh_slot(state: &State, slot: &str) -> Result<(), JsValue> {
    let Some(container) = state.root.query_selector(&format!("[data-slot='{slot}']"))? else { return Ok(()) };
    let ui = state.ui();
    let content = match slot {
        "checks" => checks_view::render(&ui, state)?,
        "prompts" => prompts_view::render(&ui, state)?,
        "ai" => ai_view::render(&ui, state)?,
        "human" => human_view::render(&ui, state)?,
        _ => return Ok(()),
    };
    container.replace_children_with_node_1(&content.0);
    Ok(())
}

/// Brings the help section, the support note and the "why" details in line with the last screening.
pub(crate) fn show_screening(state: &State) -> Result<(), JsValue> {
    // A deep prompt must not stay on screen once things sound hard: redraw the prompts if the risk
    // moved them to another distress band.
    if prompts_view::stale(state) {
        refresh_slot(state, "prompts")?;
    }
    let (root, view, ui) = (&state.root, &state.view, state.ui());
    let Some(help) = root.get_element_by_id(help::SECTION_ID) else { return Ok(()) };
    let risk = view.risk();
    if let Some(message) = root.get_element_by_id(help::MESSAGE_ID) {
        message.set_text_content(checkin::help_message_key(view).map(|k| ui.t(k)));
    }
    if let Some(cards) = root.get_element_by_id(help::CARDS_ID) {
        cards.replace_with_with_node_1(&help::cards(&ui, view, &state.config)?.0)?;
    }
    if let Some(panel) = root.query_selector("section.panel")? {
        // Help comes first at concern and above; otherwise it sits after the check-in box.
        let anchor = if panel::help_first(&risk) {
            root.query_selector("section.panel > .intro")?
        } else {
            root.query_selector("section.panel > .checkin")?.and_then(|c| c.next_element_sibling())
        };
        if let Some(anchor) = anchor.filter(|a| !a.is_same_node(Some(&help))) {
            panel.insert_before(&help, Some(&anchor))?;
        }
    }
    if let Some(note) = root.get_element_by_id(checkin::SUPPORT_ID) {
        let support = view.screening.level == crate::Level::Support;
        note.set_text_content(support.then(|| ui.t("checkin.support")));
    }
    if let Some(why) = root.get_element_by_id(checkin::WHY_ID) {
        match checkin::why(&ui, &view.checkin, &view.screening)? {
            Some(details) => why.replace_children_with_node_1(&details.0),
            None => why.replace_children_with_node_0(),
        }
    }
    Ok(())
}

/// One delegated click listener on the shadow root: buttons say what they do in `data-action`,
/// help links say which line they are in `data-resource`.
fn on_click(state: &Shared) -> EventListener {
    let root = state.borrow().root.clone();
    let state = Rc::clone(state);
    EventListener::new(&root, "click", move |event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        if let Ok(Some(link)) = target.closest("a[data-resource]") {
            let s = state.borrow();
            let detail = events::ResourceDetail {
                resource: link.get_attribute("data-resource").unwrap_or_default(),
                kind: link.get_attribute("data-kind").unwrap_or_default(),
                country: s.view.country.clone(),
            };
            events::resource(&s.host, &detail);
            return;
        }
        let Ok(Some(button)) = target.closest("[data-action]") else { return };
        match button.get_attribute("data-action").as_deref() {
            Some("help") => help_now(&state),
            Some("checkin-clear") => {
                if let Some(input) = checkin_input(&state.borrow().root) {
                    input.set_value("");
                    let _ = input.focus();
                }
                screen_checkin(&state, String::new());
            }
            Some("guard-send") => guard::send_anyway(&state),
            Some("guard-talk") => guard::talk_now(&state),
            Some("exit") => exit::leave(&state),
            Some(action) if action.starts_with("checks-") => checks_view::on_action(&state, action, &button),
            Some(action) if action.starts_with("prompts-") || action.starts_with("journal-") => {
                prompts_view::on_action(&state, action, &button)
            }
            Some(action) if action.starts_with("human-") || action.starts_with("prep-") => {
                human_view::on_action(&state, action, &button)
            }
            _ => {}
        }
    })
}

/// Typing in the check-in box screens it after a short pause.
fn on_input(state: &Shared) -> EventListener {
    let root = state.borrow().root.clone();
    let weak = Rc::downgrade(state);
    EventListener::new(&root, "input", move |event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(state) = weak.upgrade() else { return };
        let kind = target.get_attribute("data-input").unwrap_or_default();
        if kind.starts_with("prompts-") || kind.starts_with("journal-") {
            return prompts_view::on_input(&state, &kind, &target);
        }
        if kind.starts_with("human-") || kind.starts_with("prep-") {
            return human_view::on_input(&state, &kind, &target);
        }
        let Ok(target) = target.dyn_into::<HtmlTextAreaElement>() else { return };
        if kind != "checkin" {
            return;
        }
        let weak = Rc::downgrade(&state);
        let timer = Timeout::new(SCREEN_DEBOUNCE_MS, move || {
            if let Some(state) = weak.upgrade() {
                screen_checkin(&state, target.value());
            }
        });
        state.borrow_mut().pending = Some(timer);
    })
}

/// The country picker.
fn on_change(state: &Shared) -> EventListener {
    let root = state.borrow().root.clone();
    let state = Rc::clone(state);
    EventListener::new(&root, "change", move |event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let kind = target.get_attribute("data-input").unwrap_or_default();
        if kind.starts_with("checks-") {
            return checks_view::on_input(&state, &kind, &target);
        }
        if kind.starts_with("prompts-") || kind.starts_with("journal-") {
            return prompts_view::on_input(&state, &kind, &target);
        }
        if kind.starts_with("human-") || kind.starts_with("prep-") {
            return human_view::on_input(&state, &kind, &target);
        }
        let mut s = state.borrow_mut();
        let focus = match kind.as_str() {
            "country" => {
                let Ok(select) = target.dyn_into::<HtmlSelectElement>() else { return };
                s.view.country = directory::country(&select.value()).map(|c| c.code.to_string()).unwrap_or_default();
                help::PICKER_ID
            }
            "country-remember" => {
                let Ok(check) = target.dyn_into::<HtmlInputElement>() else { return };
                s.view.remember_country = check.checked();
                help::REMEMBER_ID
            }
            _ => return,
        };
        // Stored only while the person has ticked "Remember my choice"; unticking erases it.
        if s.view.remember_country {
            let value = if s.view.country.is_empty() { help::OTHER } else { s.view.country.as_str() };
            s.view.remember_country = storage::set(storage::COUNTRY, value);
        } else {
            storage::remove(storage::COUNTRY);
        }
        let _ = render(&s);
        if let Some(control) = s.root.get_element_by_id(focus).and_then(|p| p.dyn_into::<HtmlElement>().ok()) {
            let _ = control.focus();
        }
    })
}

/// The guard card closed without "Send anyway" (Esc or the browser): the message stays held back.
fn on_dialog_close(state: &Shared) -> EventListener {
    let root = state.borrow().root.clone();
    let state = Rc::clone(state);
    let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: true };
    EventListener::new_with_options(&root, "close", capture, move |_| guard::dismissed(&state))
}

fn screen_checkin(state: &Shared, text: String) {
    let mut s = state.borrow_mut();
    s.pending = None;
    // The person may write in another language than the panel's: let the screen detect it.
    s.view.screening = screen::screen(&text, None);
    s.view.checkin = text;
    let _ = show_screening(&s);
}

fn checkin_input(root: &ShadowRoot) -> Option<HtmlTextAreaElement> {
    root.get_element_by_id(checkin::INPUT_ID)?.dyn_into().ok()
}

/// "Need help now?": bring the help section into view (in guard mode, open the card) and move focus
/// to its heading, so a screen reader reads it.
fn help_now(state: &Shared) {
    let s = state.borrow();
    if s.mode == Mode::Guard {
        guard::open_card(&s.root);
    }
    if let Some(heading) = s.root.get_element_by_id(help::HEADING_ID) {
        heading.scroll_into_view();
        if let Ok(heading) = heading.dyn_into::<HtmlElement>() {
            let _ = heading.focus();
        }
    }
}
