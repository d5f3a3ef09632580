//! "Find a person to talk to": how to find a therapist (clinical.md §3.7), the host's own directory
//! link if configured, questions for a first consultation, and the consultation prep note.
//!
//! The prep note lives in memory only (`State.human`). "Download" builds the note on the device
//! (`prompts::prep_note_text`) into a Blob and hands it to a temporary `<a download>`; "Print" writes
//! it with DOM calls into a hidden same-origin `about:blank` frame and prints that frame alone, so
//! the host page is not printed with it. Neither makes a request.

use super::ai_view::list;
use super::dom::{button, el, link, text_el, El, Result};
use super::ui::Ui;
use super::{Shared, State};
use crate::prompts::{prep_note_text, PrepAnswers, CONSULTATION_QUESTIONS};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, HtmlIFrameElement, HtmlInputElement, HtmlTextAreaElement};

pub const HEADING_ID: &str = "byr-human-title";
const PREP_ID: &str = "byr-prep-title";
const STATUS_ID: &str = "byr-prep-status";
const STANDARD_ID: &str = "byr-prep-standard";
/// The hidden frame a note is printed from.
const FRAME_ID: &str = "byr-prep-print";

const FIND: [&str; 6] = [
    "human.find_consult",
    "human.find_low_cost",
    "human.find_doctor",
    "human.find_look_for",
    "human.find_verify",
    "human.find_fit",
];

/// The four text fields: `data-input`, element id, label key.
const FIELDS: [(&str, &str, &str); 4] = [
    ("prep-help-with", "byr-prep-help-with", "human.prep_help_with"),
    ("prep-not-worked", "byr-prep-not-worked", "human.prep_not_worked"),
    ("prep-need", "byr-prep-need", "human.prep_need"),
    ("prep-my-questions", "byr-prep-my-questions", "human.prep_my_questions"),
];

/// This section's state: memory only, never stored.
#[derive(Default)]
pub struct Human {
    answers: PrepAnswers,
}

impl Human {
    fn field(&mut self, kind: &str) -> Option<&mut String> {
        let a = &mut self.answers;
        Some(match kind {
            "prep-help-with" => &mut a.help_with,
            "prep-not-worked" => &mut a.not_worked,
            "prep-need" => &mut a.need,
            "prep-my-questions" => &mut a.my_questions,
            _ => return None,
        })
    }
}

/// The section's content, rendered into `<div data-slot="human">`.
pub fn render(ui: &Ui, state: &State) -> Result<El> {
    let mut section = el("section")?
        .class("human")?
        .attr("part", "human")?
        .attr("aria-labelledby", HEADING_ID)?
        .child(el("h3")?.id(HEADING_ID)?.text(ui.t("human.heading"))?)?
        .child(text_el("p", "", ui.t("human.lead"))?)?
        .child(text_el("h4", "", ui.t("human.find_heading"))?)?
        .child(list(ui, &FIND, "")?)?;
    if let Some((label, url)) = &state.config.directory_link {
        section = section.child(el("p")?.class("directory-link")?.child(link(url, label)?.class("action")?)?)?;
    }
    section
        .child(text_el("p", "muted", ui.t("human.not_a_referral"))?)?
        .child(text_el("h4", "", ui.t("human.questions_heading"))?)?
        .child(text_el("p", "muted", ui.t("human.questions_lead"))?)?
        .child(list(ui, &CONSULTATION_QUESTIONS, "questions")?)?
        .child(prep_form(ui, &state.human.answers)?)
}

fn prep_form(ui: &Ui, answers: &PrepAnswers) -> Result<El> {
    let mut form = el("section")?
        .class("prep")?
        .attr("aria-labelledby", PREP_ID)?
        .child(el("h4")?.id(PREP_ID)?.text(ui.t("human.prep_heading"))?)?
        .child(text_el("p", "", ui.t("human.prep_lead"))?)?;
    let values = [&answers.help_with, &answers.not_worked, &answers.need, &answers.my_questions];
    for ((kind, id, label), value) in FIELDS.iter().zip(values) {
        let input = el("textarea")?.id(id)?.attr("rows", "3")?.attr("data-input", kind)?.attr("autocomplete", "off")?;
        input.0.unchecked_ref::<HtmlTextAreaElement>().set_value(value);
        form = form.child(el("label")?.attr("for", id)?.text(ui.t(label))?)?.child(input)?;
    }
    let check = el("input")?.id(STANDARD_ID)?.attr("type", "checkbox")?.attr("data-input", "prep-standard")?;
    check.0.unchecked_ref::<HtmlInputElement>().set_checked(answers.include_standard_questions);
    let actions = el("div")?
        .class("prep-actions")?
        .child(button(ui.t("human.prep_download"))?.class("primary")?.attr("data-action", "prep-download")?)?
        .child(button(ui.t("human.prep_print"))?.attr("data-action", "prep-print")?)?
        .child(button(ui.t("human.prep_clear"))?.attr("data-action", "prep-clear")?)?;
    form.child(el("div")?.class("prep-check")?.child(check)?.child(el("label")?.attr("for", STANDARD_ID)?.text(ui.t("human.prep_include_standard"))?)?)?
        .child(actions)?
        .child(el("p")?.id(STATUS_ID)?.class("prep-status")?.attr("role", "status")?)?
        .child(text_el("p", "muted", ui.t("human.prep_footer"))?)
}

/// A click on a control whose `data-action` starts with this section's prefix.
pub fn on_action(state: &Shared, action: &str, _target: &Element) {
    let done = match action {
        "prep-download" => download(state),
        "prep-print" => print(state),
        "prep-clear" => clear(state),
        _ => Ok(()),
    };
    if let Err(e) = done {
        web_sys::console::warn_2(&JsValue::from_str("<before-you-rely>: the prep note could not be made:"), &e);
    }
}

/// An input/change on a control whose `data-input` starts with this section's prefix.
pub fn on_input(state: &Shared, kind: &str, target: &Element) {
    let mut s = state.borrow_mut();
    if kind == "prep-standard" {
        if let Some(check) = target.dyn_ref::<HtmlInputElement>() {
            s.human.answers.include_standard_questions = check.checked();
        }
    } else if let (Some(field), Some(input)) = (s.human.field(kind), target.dyn_ref::<HtmlTextAreaElement>()) {
        *field = input.value();
    }
}

/// The note as text, the file name, and the panel's language.
fn note(state: &Shared) -> (String, String, &'static str) {
    let s = state.borrow();
    let ui = s.ui();
    (prep_note_text(&s.human.answers, s.view.lang), ui.t("human.prep_filename").to_string(), s.view.lang.as_str())
}

fn status(state: &Shared, key: &str) {
    let s = state.borrow();
    if let Some(line) = s.root.get_element_by_id(STATUS_ID) {
        line.set_text_content(Some(s.ui().t(key)));
    }
}

/// Saves the note as a text file made on the device.
fn download(state: &Shared) -> Result<()> {
    let (text, filename, _) = note(state);
    super::download::save_text(&text, &filename, "text/plain;charset=utf-8")?;
    status(state, "human.prep_downloaded");
    Ok(())
}

/// Prints the note alone: a hidden `about:blank` frame (same origin, no request) filled with DOM
/// calls, then that frame's `print()`. The frame stays until the next print, "Clear" or a re-render.
fn print(state: &Shared) -> Result<()> {
    let (text, _, lang) = note(state);
    let root = state.borrow().root.clone();
    if let Some(old) = root.get_element_by_id(FRAME_ID) {
        old.remove();
    }
    let title = text.lines().next().unwrap_or_default().trim_start_matches("# ").to_string();
    let frame: HtmlIFrameElement = el("iframe")?
        .id(FRAME_ID)?
        .class("print-frame")?
        .attr("title", &title)?
        .attr("aria-hidden", "true")?
        .attr("tabindex", "-1")?
        .0
        .dyn_into()?;
    root.append_child(&frame)?;
    let (Some(doc), Some(window)) = (frame.content_document(), frame.content_window()) else {
        return Err(JsValue::from_str("no print frame"));
    };
    if let Some(html) = doc.document_element() {
        html.set_attribute("lang", lang)?;
    }
    doc.set_title(&title);
    let body = doc.body().ok_or_else(|| JsValue::from_str("no print frame body"))?;
    // CSSOM, not a style attribute or <style>: allowed under a strict style-src CSP.
    let style = body.style();
    style.set_property("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif")?;
    style.set_property("line-height", "1.5")?;
    style.set_property("margin", "2rem")?;
    fill_note(&doc, &body, &text)?;
    window.print()
}

/// The note's Markdown as elements: `#`/`##` headings, `- ` list items, `---` a rule, else paragraphs.
fn fill_note(doc: &Document, body: &HtmlElement, text: &str) -> Result<()> {
    let mut list: Option<Element> = None;
    for line in text.lines() {
        let line = line.trim_end();
        let (tag, content) = if let Some(rest) = line.strip_prefix("## ") {
            ("h2", rest)
        } else if let Some(rest) = line.strip_prefix("# ") {
            ("h1", rest)
        } else if let Some(rest) = line.strip_prefix("- ") {
            ("li", rest)
        } else if line == "---" {
            ("hr", "")
        } else if line.is_empty() {
            list = None;
            continue;
        } else {
            ("p", line)
        };
        let node = doc.create_element(tag)?;
        node.set_text_content(Some(content).filter(|c| !c.is_empty()));
        if tag == "li" {
            let ul = match &list {
                Some(ul) => ul.clone(),
                None => {
                    let ul = doc.create_element("ul")?;
                    body.append_child(&ul)?;
                    list = Some(ul.clone());
                    ul
                }
            };
            ul.append_child(&node)?;
        } else {
            list = None;
            body.append_child(&node)?;
        }
    }
    Ok(())
}

/// Empties the form in place (no re-render, so focus and the live region stay put) and forgets it.
fn clear(state: &Shared) -> Result<()> {
    state.borrow_mut().human = Human::default();
    let root = state.borrow().root.clone();
    for (_, id, _) in FIELDS {
        if let Some(input) = root.get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) {
            input.set_value("");
        }
    }
    if let Some(check) = root.get_element_by_id(STANDARD_ID).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        check.set_checked(false);
    }
    if let Some(frame) = root.get_element_by_id(FRAME_ID) {
        frame.remove();
    }
    status(state, "human.prep_cleared");
    if let Some(first) = root.get_element_by_id(FIELDS[0].1).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        first.focus()?;
    }
    Ok(())
}
