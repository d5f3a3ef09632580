//! The "Self-checks" section: a choice of screening questionnaires (ASQ, PHQ-9/2, GAD-7/2), asked one
//! question at a time, then a plain-language result with the next step.
//!
//! Answers live only in `State.checks` (memory): "Start over", "Choose another check" and closing the
//! panel drop them; nothing is written anywhere. After every answer the outcome is checked: when it puts
//! crisis help first (PHQ-9 item 9 above 0, any positive ASQ) the help section moves to the top at once,
//! with the emergency number first when the ASQ says "right now".
//!
//! Questions are real radio buttons in a `<fieldset>` with the question as its `<legend>`, and a "Next"
//! button: the standard one-question-per-page pattern, which every screen reader announces as a group,
//! and which lets a person check their choice before it counts (a stray tap on item 9 should not be
//! the answer). Focus moves to the new question after each step; a live region says where they are.

use super::dom::{button, el, link, text_el, El, Result};
use super::panel::CheckSignal;
use super::ui::Ui;
use super::{show_screening, Shared, State};
use crate::checks::{Answer, InstrumentId, Outcome, Role, Session};
use crate::Category;
use wasm_bindgen::JsCast as _;
use std::sync::atomic::{AtomicU32, Ordering};
use web_sys::{Element, HtmlElement};

pub const SECTION_ID: &str = "byr-checks";
const TITLE_ID: &str = "byr-checks-title";
/// The live region that says "Question 3 of 9" / "Your result"; it stays in place across steps.
const STATUS_ID: &str = "byr-checks-status";
/// Everything below the heading; replaced on each step.
const BODY_ID: &str = "byr-checks-body";
const NAME_ID: &str = "byr-checks-name";
const STEM_ID: &str = "byr-checks-stem";
const QUESTION_ID: &str = "byr-checks-question";
const RESULT_ID: &str = "byr-checks-result";
/// Each rendered question gets its own radio group name: Chromium can keep a removed group's state
/// under a reused name, and then Tab skips the new radios.
static GROUP: AtomicU32 = AtomicU32::new(0);

/// This section's state: memory only.
#[derive(Default)]
pub struct Checks {
    /// The check in progress or just finished; `None` while choosing.
    session: Option<Session>,
    /// The choice ticked on the current question, not yet confirmed with "Next".
    selected: Option<u8>,
    /// "Next" was pressed with nothing ticked.
    nudge: bool,
}

/// The section's content, rendered into `<div data-slot="checks">`.
pub fn render(ui: &Ui, state: &State) -> Result<El> {
    el("section")?
        .id(SECTION_ID)?
        .class("checks")?
        .attr("aria-labelledby", TITLE_ID)?
        .child(el("h3")?.id(TITLE_ID)?.attr("tabindex", "-1")?.text(ui.t("panel.section_checks"))?)?
        .child(el("p")?.id(STATUS_ID)?.class("visually-hidden")?.attr("role", "status")?)?
        .child(body(ui, &state.checks)?)
}

fn body(ui: &Ui, checks: &Checks) -> Result<El> {
    let body = el("div")?.id(BODY_ID)?;
    match &checks.session {
        None => chooser(ui, body),
        Some(session) if session.is_finished() => result(ui, body, session),
        Some(session) => question(ui, body, session, checks),
    }
}

fn about_key(id: InstrumentId) -> &'static str {
    match id {
        InstrumentId::Asq => "checks.about_asq",
        InstrumentId::Phq9 => "checks.about_phq9",
        InstrumentId::Phq2 => "checks.about_phq2",
        InstrumentId::Gad7 => "checks.about_gad7",
        InstrumentId::Gad2 => "checks.about_gad2",
    }
}

/// "Take the PHQ-9": starts (or restarts) that check.
fn take_button(ui: &Ui, id: InstrumentId, primary: bool) -> Result<El> {
    let name = crate::checks::instrument(id, ui.lang).name;
    let take = button(&ui.fill("checks.take", &[("name", name)]))?.attr("data-action", "checks-take")?.attr("data-check", id.as_str())?;
    if primary { take.class("primary") } else { Ok(take) }
}

/// The list of checks, each with what it asks about.
fn chooser(ui: &Ui, body: El) -> Result<El> {
    let mut list = el("ul")?.class("check-list")?;
    for id in InstrumentId::ALL {
        let instrument = crate::checks::instrument(id, ui.lang);
        let mut item = el("li")?
            .class("card")?
            .child(text_el("h4", "", instrument.title)?)?
            .child(text_el("p", "", ui.t(about_key(id)))?)?;
        if id == InstrumentId::Asq {
            item = item.child(text_el("p", "muted", ui.t("checks.asq_clinician_note"))?)?;
        }
        list = list.child(item.child(take_button(ui, id, false)?)?)?;
    }
    body.child(text_el("p", "", ui.t("checks.intro"))?)?
        .child(text_el("p", "not-a-diagnosis", ui.t("checks.not_a_diagnosis"))?)?
        .child(list)
}

/// Crisis help before anything else: the lead and a way straight to the lines. The PHQ-9 lead says
/// what the person answered (item 9); the ASQ one does not, since a skipped question or a past attempt
/// also makes it positive.
fn crisis_box(ui: &Ui, id: InstrumentId) -> Result<El> {
    let lead = if id == InstrumentId::Asq { "checks.crisis_lead_asq" } else { "checks.crisis_lead" };
    el("div")?
        .class("crisis-first")?
        .child(text_el("p", "crisis-lead", ui.t(lead))?)?
        .child(button(ui.t("panel.help_now_jump"))?.class("primary")?.attr("data-action", "help")?)
}

/// "Source: …" under the instrument, linked when the data gives an https address.
fn source_line(ui: &Ui, session: &Session) -> Result<El> {
    let instrument = session.instrument(ui.lang);
    let line = el("p")?.class("muted check-source")?;
    match instrument.attribution_url {
        Some(url) => {
            let text = ui.t("checks.source");
            let (before, after) = text.split_once("{attribution}").unwrap_or((text, ""));
            line.0.append_with_str_1(before)?;
            line.0.append_child(&link(url, instrument.attribution)?.0)?;
            line.0.append_with_str_1(after)?;
            Ok(line)
        }
        None => line.text(&ui.fill("checks.source", &[("attribution", instrument.attribution)])),
    }
}

fn question(ui: &Ui, body: El, session: &Session, checks: &Checks) -> Result<El> {
    let instrument = session.instrument(ui.lang);
    let Some(item) = session.current_item(ui.lang) else { return Ok(body) };
    let first = session.answers().is_empty();
    let mut body = body.child(el("h4")?.id(NAME_ID)?.attr("tabindex", "-1")?.text(instrument.title)?)?;
    if session.outcome().crisis_first {
        body = body.child(crisis_box(ui, session.id())?)?;
    }
    if first && session.id() == InstrumentId::Asq {
        body = body.child(text_el("p", "muted", ui.t("checks.asq_clinician_note"))?)?;
    }
    let progress = session.progress();
    let (n, total) = (progress.number.to_string(), progress.total.to_string());
    body = body.child(text_el("p", "check-progress", &ui.fill("checks.question_of", &[("n", &n), ("total", &total)]))?)?;
    let mut fieldset = el("fieldset")?.class("question")?;
    // The stem belongs to the scored items ("Over the last 2 weeks…"), not to the follow-up question.
    if let (Some(stem), Role::Scored) = (instrument.stem, item.role) {
        body = body.child(el("p")?.id(STEM_ID)?.class("check-stem")?.text(stem)?)?;
        fieldset = fieldset.attr("aria-describedby", STEM_ID)?;
    }
    fieldset = fieldset.child(el("legend")?.id(QUESTION_ID)?.attr("tabindex", "-1")?.text(item.text)?)?;
    let mut choices = el("div")?.class("choices")?;
    let group = format!("byr-check-choice-{}", GROUP.fetch_add(1, Ordering::Relaxed));
    for choice in item.choices {
        let value = choice.value.to_string();
        let mut input =
            el("input")?.attr("type", "radio")?.attr("name", &group)?.attr("value", &value)?.attr("data-input", "checks-choice")?;
        if checks.selected == Some(choice.value) {
            input = input.attr("checked", "")?;
        }
        choices = choices.child(el("label")?.class("choice")?.child(input)?.child(text_el("span", "", choice.label)?)?)?;
    }
    body = body.child(fieldset.child(choices)?)?;
    if !item.sourced {
        body = body.child(text_el("p", "muted", ui.t("checks.unsourced"))?)?;
    }
    if checks.nudge {
        body = body.child(el("p")?.class("check-nudge")?.attr("role", "alert")?.text(ui.t("checks.choose_answer"))?)?;
    }
    // The ASQ words a skip as declining: it counts as a "yes" (NIMH), and saying so plainly is kinder.
    let skip = if session.id() == InstrumentId::Asq { "checks.asq_decline" } else { "checks.skip" };
    let actions = el("div")?
        .class("check-actions")?
        .child(button(ui.t("checks.continue"))?.class("primary")?.attr("data-action", "checks-next")?)?
        .child(button(ui.t("checks.back"))?.attr("data-action", "checks-back")?)?
        .child(button(ui.t(skip))?.attr("data-action", "checks-skip")?)?
        .child(button(ui.t("checks.start_over"))?.attr("data-action", "checks-start-over")?)?;
    body.child(actions)?
        .child(text_el("p", "not-a-diagnosis", ui.t("checks.not_a_diagnosis"))?)?
        .child(source_line(ui, session)?)
}

/// The result line. A crisis-first result never carries a severity band or score (a low total must
/// not read as reassurance beside a positive answer about suicide); an ASQ positive keeps its label.
fn result_line(ui: &Ui, outcome: &Outcome) -> Option<String> {
    let band = outcome.band_label(ui.lang).filter(|_| !outcome.crisis_first || outcome.instrument == InstrumentId::Asq);
    if outcome.crisis_first {
        return band.map(|b| ui.fill("checks.result_band", &[("band", b)]));
    }
    if !outcome.complete {
        return Some(ui.t("checks.result_incomplete").to_string());
    }
    let max = crate::checks::rules(outcome.instrument).max_score;
    match (outcome.score, max, band) {
        (Some(score), Some(max), Some(band)) => Some(ui.fill(
            "checks.result_score_band",
            &[("score", &score.to_string()), ("max", &max.to_string()), ("band", &lower_first(band))],
        )),
        (_, _, band) => band.map(|b| ui.fill("checks.result_band", &[("band", b)])),
    }
}

/// "Moderate" → "moderate", for the middle of a sentence. Band labels start with a plain letter; an
/// acronym ("PHQ…") is left alone. (Not `to_lowercase`: it pulls Unicode tables into the wasm.)
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second) if first.is_ascii_uppercase() && !second.is_some_and(|c| c.is_ascii_uppercase()) => {
            let mut out = String::with_capacity(label.len());
            out.push(first.to_ascii_lowercase());
            out.push_str(&label[1..]);
            out
        }
        _ => label.to_string(),
    }
}

fn result(ui: &Ui, body: El, session: &Session) -> Result<El> {
    let outcome = session.outcome();
    let instrument = session.instrument(ui.lang);
    let mut body = body
        .child(el("h4")?.id(RESULT_ID)?.attr("tabindex", "-1")?.text(ui.t("checks.result_title"))?)?
        .child(text_el("p", "muted", instrument.title)?)?;
    if outcome.crisis_first {
        body = body.child(crisis_box(ui, session.id())?)?;
    }
    if let Some(line) = result_line(ui, &outcome) {
        body = body.child(text_el("p", "result-line", &line)?)?;
    }
    body = body.child(text_el("p", "next-step", ui.t(outcome.next.ui_key()))?)?;
    if let Some(next) = outcome.next.offers() {
        body = body.child(el("p")?.child(take_button(ui, next, true)?)?)?;
    }
    let actions = el("div")?
        .class("check-actions")?
        .child(button(ui.t("checks.start_over"))?.attr("data-action", "checks-start-over")?)?
        .child(button(ui.t("checks.choose_another"))?.attr("data-action", "checks-choose")?)?;
    body.child(text_el("p", "not-a-diagnosis", ui.t("checks.not_a_diagnosis"))?)?
        .child(actions)?
        .child(source_line(ui, session)?)
}

/// Where focus goes after a step, so a screen reader follows.
#[derive(Clone, Copy)]
enum Focus {
    Section,
    Name,
    Question,
    Result,
    FirstChoice,
}

/// After an answer: a crisis-first outcome raises the help section's signal (never lowers it: only
/// "Start over" does, or a new check while nothing carries risk).
fn raise(signal: &mut CheckSignal, outcome: &Outcome) -> bool {
    if !outcome.crisis_first {
        return false;
    }
    let level = signal.level.max(outcome.level);
    let changed = level != signal.level || !signal.categories.contains(&Category::Suicide);
    signal.level = level;
    signal.categories = vec![Category::Suicide];
    changed
}

/// The score slot a check's total goes to (only the full PHQ-9 and GAD-7 carry one the prompts use).
fn score_slot(signal: &mut CheckSignal, id: InstrumentId) -> Option<&mut Option<u8>> {
    match id {
        InstrumentId::Phq9 => Some(&mut signal.phq9),
        InstrumentId::Gad7 => Some(&mut signal.gad7),
        _ => None,
    }
}

/// After an answer: a finished PHQ-9 or GAD-7 stores its total (true when it changed).
fn keep_score(signal: &mut CheckSignal, outcome: &Outcome) -> bool {
    match (score_slot(signal, outcome.instrument), outcome.score) {
        (Some(slot), Some(score)) if outcome.complete && *slot != Some(score) => {
            *slot = Some(score);
            true
        }
        _ => false,
    }
}

/// A click on a control whose `data-action` starts with this section's prefix.
pub fn on_action(state: &Shared, action: &str, target: &Element) {
    let (focus, rescreen) = {
        let mut guard = state.borrow_mut();
        let s = &mut *guard;
        let checks = &mut s.checks;
        let mut rescreen = false;
        let focus = match action {
            "checks-take" => {
                let Some(id) = target.get_attribute("data-check").and_then(|v| InstrumentId::parse(&v)) else { return };
                // A new check starts clean. The help section keeps any crisis signal an earlier answer
                // raised: that risk has not gone away because another questionnaire started.
                *checks = Checks { session: Some(Session::new(id)), ..Default::default() };
                Focus::Name
            }
            "checks-next" | "checks-skip" => {
                let Some(session) = checks.session.as_mut() else { return };
                let done = match (action, checks.selected) {
                    ("checks-skip", _) => session.skip().is_ok(),
                    (_, Some(value)) => session.answer(value).is_ok(),
                    (_, None) => false,
                };
                if done {
                    checks.selected = None;
                    checks.nudge = false;
                    let outcome = session.outcome();
                    rescreen = raise(&mut s.view.checks, &outcome);
                    rescreen |= keep_score(&mut s.view.checks, &outcome);
                    if session.is_finished() { Focus::Result } else { Focus::Question }
                } else {
                    checks.nudge = true;
                    Focus::FirstChoice
                }
            }
            "checks-back" => {
                let Some(session) = checks.session.as_mut() else { return };
                let last = session.answers().last().copied();
                checks.nudge = false;
                if session.back() {
                    // Show what they had picked, so going back does not feel like losing it.
                    checks.selected = match last {
                        Some(Answer::Value(v)) => Some(v),
                        _ => None,
                    };
                    Focus::Question
                } else {
                    *checks = Checks::default();
                    Focus::Section
                }
            }
            "checks-start-over" => {
                let Some(session) = checks.session.as_mut() else { return };
                session.start_over();
                checks.selected = None;
                checks.nudge = false;
                let signal = &mut s.view.checks;
                rescreen = signal.level != crate::Level::None || !signal.categories.is_empty();
                // Starting a check over sets its own total aside too; another check's total stays.
                if let Some(slot) = score_slot(signal, session.id()) {
                    rescreen |= slot.take().is_some();
                }
                signal.level = crate::Level::None;
                signal.categories.clear();
                Focus::Name
            }
            "checks-choose" => {
                *checks = Checks::default();
                Focus::Section
            }
            _ => return,
        };
        (focus, rescreen)
    };
    let s = state.borrow();
    let _ = show_step(&s, focus, rescreen);
}

/// Re-renders the section's body in place (the live region stays, so its new text is announced),
/// moves the help section if the signal changed, and moves focus.
fn show_step(s: &State, focus: Focus, rescreen: bool) -> Result<()> {
    let ui = s.ui();
    if let Some(old) = s.root.get_element_by_id(BODY_ID) {
        old.replace_with_with_node_1(&body(&ui, &s.checks)?.0)?;
    }
    if rescreen {
        show_screening(s)?;
    }
    let status = match &s.checks.session {
        Some(session) if session.is_finished() => ui.t("checks.result_title").to_string(),
        Some(session) => {
            let p = session.progress();
            ui.fill("checks.question_of", &[("n", &p.number.to_string()), ("total", &p.total.to_string())])
        }
        None => String::new(),
    };
    if let Some(region) = s.root.get_element_by_id(STATUS_ID) {
        region.set_text_content(Some(&status));
    }
    let target = match focus {
        Focus::Section => s.root.get_element_by_id(TITLE_ID),
        Focus::Name => s.root.get_element_by_id(NAME_ID),
        Focus::Question => s.root.get_element_by_id(QUESTION_ID),
        Focus::Result => s.root.get_element_by_id(RESULT_ID),
        Focus::FirstChoice => s.root.query_selector("fieldset.question input")?,
    };
    if let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        target.focus()?;
    }
    Ok(())
}

/// An input/change on a control whose `data-input` starts with this section's prefix.
pub fn on_input(state: &Shared, kind: &str, target: &Element) {
    if kind != "checks-choice" {
        return;
    }
    let value = target.get_attribute("value").and_then(|v| v.parse::<u8>().ok());
    let mut s = state.borrow_mut();
    if s.checks.session.is_some() {
        s.checks.selected = value;
    }
}
