//! The "Journaling prompts" section and the private journal.
//!
//! Prompts come from the engine (`crate::prompts::choose`) for the person's state right now: the
//! panel's risk (check-in screening and self-checks) decides how gentle they must be, so deep
//! prompts are set aside and help is named whenever things sound hard. "Another prompt" never loops:
//! the ids shown are kept (memory only) and the engine picks among those shown least.
//!
//! The journal lives in memory. Only if the person switches on "Keep my journal on this device" is
//! it written to `localStorage`, under one key (`journal_store`); switching it off or "Forget
//! everything" removes that key. A damaged or foreign store is reported, never overwritten silently.

#[path = "journal_store.rs"]
mod journal_store;

use super::dom::{button, el, text_el, El, Result};
use super::ui::Ui;
use super::{refresh_slot, Shared, State};
use crate::prompts::{
    by_id, choose, journal_markdown, suggest, themes, Distress, Entry, Exercise, Intensity, JournalError, PromptState,
    Selection, Suggestion,
};
use gloo_timers::callback::Timeout;
use journal_store::Loaded;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, ShadowRoot};

const TITLE_ID: &str = "byr-prompts-title";
const PROMPT_TEXT_ID: &str = "byr-prompt-text";
const THEME_ID: &str = "byr-prompts-theme";
const DEEP_ID: &str = "byr-prompts-deep";
const ANOTHER_ID: &str = "byr-prompts-another";
const START_ID: &str = "byr-prompts-start";
const TEXT_ID: &str = "byr-prompts-text";
const STATUS_ID: &str = "byr-prompts-status";
const JOURNAL_TITLE_ID: &str = "byr-journal-title";
const KEEP_ID: &str = "byr-journal-keep";
const FORGET_ID: &str = "byr-journal-forget";
const FORGET_YES_ID: &str = "byr-journal-forget-yes";
const JOURNAL_STATUS_ID: &str = "byr-journal-status";

/// This section's state. Memory only, except the journal when the person opts in.
pub struct Prompts {
    /// Per mount, so two visits do not walk the prompts in the same order.
    seed: u64,
    /// Prompt ids shown, oldest first; the last one is on screen (if the state still allows it).
    history: Vec<&'static str>,
    /// The picked theme ("" = any).
    theme: String,
    /// "Choose deeper prompts".
    deep: bool,
    /// The last "Another prompt" began a new round.
    restarted: bool,
    /// The writing box is open.
    writing: bool,
    draft: String,
    /// Oldest first (the stored and exported order); shown newest first.
    entries: Vec<Entry>,
    /// "Keep my journal on this device": on only when the person turned it on, or a journal was saved.
    keep: bool,
    /// A saved journal that could not be read; left untouched until the person resets it.
    problem: Option<JournalError>,
    /// The browser refused to store the journal.
    unavailable: bool,
    /// "Forget everything" was pressed once; the second button confirms.
    confirming: bool,
    /// The distress the section was last rendered for (to re-render when it changes).
    rendered: Cell<Option<Distress>>,
}

impl Default for Prompts {
    /// A fresh section: a new random seed, and the journal saved on this device, if the person kept one.
    fn default() -> Self {
        let (entries, keep, problem) = match journal_store::load() {
            Loaded::Nothing => (Vec::new(), false, None),
            Loaded::Entries(entries) => (entries, true, None),
            Loaded::Problem(problem) => (Vec::new(), false, Some(problem)),
        };
        Prompts {
            seed: (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64,
            history: Vec::new(),
            theme: String::new(),
            deep: false,
            restarted: false,
            writing: false,
            draft: String::new(),
            entries,
            keep,
            problem,
            unavailable: false,
            confirming: false,
            rendered: Cell::new(None),
        }
    }
}

/// What the engine is told: the panel's risk right now, the picked theme and the deep toggle.
/// The latest PHQ-9/GAD-7 totals come from the self-checks (a PHQ-9 of 15 or more means gentle prompts).
fn prompt_state(state: &State) -> PromptState {
    let risk = state.view.risk();
    let p = &state.prompts;
    PromptState {
        lang: state.view.lang,
        level: risk.level,
        categories: risk.categories,
        phq9: state.view.checks.phq9,
        gad7: state.view.checks.gad7,
        theme: (!p.theme.is_empty()).then(|| p.theme.clone()),
        deep_chosen: p.deep,
        ..Default::default()
    }
}

/// The prompt on screen, and what the engine says about the state. The last prompt shown stays while
/// the state still allows it (a check-in that sounds hard replaces a deep prompt with a gentle one).
fn current(state: &State) -> (Suggestion, Selection) {
    let ps = prompt_state(state);
    let p = &state.prompts;
    let mut selection = choose(&ps, &p.history, p.seed, 1);
    let kept = p
        .history
        .last()
        .and_then(|id| by_id(id))
        .filter(|q| ps.allows(q) && selection.theme.is_none_or(|t| q.has_theme(t)));
    let shown = match kept {
        Some(q) => suggest(q, ps.lang),
        None => selection.prompts.remove(0),
    };
    (shown, selection)
}

/// Moves on to a new prompt for the current state (the one on screen counts as shown).
fn next_prompt(s: &mut State) {
    let (shown, _) = current(s);
    if s.prompts.history.last() != Some(&shown.prompt.id()) {
        s.prompts.history.push(shown.prompt.id());
    }
    let selection = choose(&prompt_state(s), &s.prompts.history, s.prompts.seed, 1);
    if let Some(next) = selection.prompts.first() {
        s.prompts.history.push(next.prompt.id());
    }
    s.prompts.restarted = selection.cycle_restarted;
}

/// True when the panel's risk has moved the prompts to another distress band since they were drawn.
pub fn stale(state: &State) -> bool {
    state.prompts.rendered.get().is_some_and(|d| d != prompt_state(state).distress())
}

/// The section's content, rendered into `<div data-slot="prompts">`.
pub fn render(ui: &Ui, state: &State) -> Result<El> {
    let p = &state.prompts;
    let (shown, selection) = current(state);
    p.rendered.set(Some(selection.distress));

    let mut section = el("section")?
        .class("prompts")?
        .attr("aria-labelledby", TITLE_ID)?
        .child(el("h3")?.id(TITLE_ID)?.text(ui.t("prompts.heading"))?)?
        .child(para("", ui.t("prompts.intro"))?)?
        .child(para("muted", ui.t("prompts.privacy"))?)?
        .child(choices(ui, p)?)?;
    for notice in notices(ui, &selection)? {
        section = section.child(notice)?;
    }
    section = section.child(card(ui, &shown)?)?;
    let mut actions = el("div")?
        .class("prompt-actions")?
        .child(button(ui.t("prompts.another"))?.id(ANOTHER_ID)?.attr("data-action", "prompts-another")?)?;
    if !p.writing {
        actions = actions
            .child(button(ui.t("prompts.start_writing"))?.id(START_ID)?.attr("data-action", "prompts-start")?)?;
    }
    section = section.child(actions)?;
    if p.writing {
        section = section.child(writing(ui, p)?)?;
    }
    section = section.child(live(STATUS_ID)?)?.child(para("muted", ui.t("prompts.not_therapy"))?)?;
    el("div")?.child(section)?.child(journal(ui, p)?)
}

/// The theme picker and the "Choose deeper prompts" toggle.
fn choices(ui: &Ui, p: &Prompts) -> Result<El> {
    let mut select = el("select")?.id(THEME_ID)?.attr("data-input", "prompts-theme")?;
    select = select.child(option("", ui.t("prompts.theme_any"), p.theme.is_empty())?)?;
    for theme in themes() {
        let key = format!("prompts.theme_{theme}");
        select = select.child(option(theme, ui.t(&key), p.theme == *theme)?)?;
    }
    let help_id = "byr-prompts-deep-help";
    el("div")?
        .class("prompt-choices")?
        .child(el("label")?.attr("for", THEME_ID)?.text(ui.t("prompts.theme_label"))?)?
        .child(select)?
        .child(toggle(DEEP_ID, "prompts-deep", ui.t("prompts.deep_toggle"), p.deep, help_id)?)?
        .child(para("muted", ui.t("prompts.deep_toggle_help"))?.id(help_id)?)
}

fn option(value: &str, text: &str, selected: bool) -> Result<El> {
    let option = el("option")?.attr("value", value)?.text(text)?;
    if selected {
        option.attr("selected", "")
    } else {
        Ok(option)
    }
}

/// A labelled checkbox described by the paragraph `help_id`.
fn toggle(id: &str, input: &str, label: &str, on: bool, help_id: &str) -> Result<El> {
    let checkbox =
        el("input")?.id(id)?.attr("type", "checkbox")?.attr("data-input", input)?.attr("aria-describedby", help_id)?;
    checkbox.0.unchecked_ref::<HtmlInputElement>().set_checked(on);
    el("div")?.class("toggle")?.child(checkbox)?.child(el("label")?.attr("for", id)?.text(label)?)
}

/// What the state changed about the prompts, said before the prompt itself.
fn notices(ui: &Ui, selection: &Selection) -> Result<Vec<El>> {
    let mut out = Vec::new();
    if selection.show_help {
        out.push(para("notice", ui.t("prompts.gentle_now"))?);
        out.push(
            el("p")?
                .class("notice")?
                .child(text_el("span", "", ui.t("prompts.help_visible"))?)?
                .child(text_el("span", "", " ")?)?
                .child(button(ui.t("panel.help_now"))?.class("help-jump")?.attr("data-action", "help")?)?,
        );
    }
    if selection.deep_withheld {
        out.push(para("notice", ui.t("prompts.deep_withheld"))?);
    }
    if selection.theme_fell_back {
        out.push(para("notice", ui.t("prompts.theme_fell_back"))?);
    }
    Ok(out)
}

/// The prompt, what kind of exercise it is, how long it takes, where it comes from and, for deep
/// writing, the caution.
fn card(ui: &Ui, shown: &Suggestion) -> Result<El> {
    let prompt = shown.prompt;
    let exercise = format!("prompts.exercise_{}", prompt.exercise.as_str());
    let intensity = format!("prompts.intensity_{}", prompt.intensity.as_str());
    let minutes = match prompt.minutes {
        1 => ui.t("prompts.duration_one").to_string(),
        n => ui.fill("prompts.duration", &[("minutes", &n.to_string())]),
    };
    let meta = el("ul")?
        .class("prompt-meta muted")?
        .child(text_el("li", "", &labelled(ui.t("prompts.exercise_label"), ui.t(&exercise)))?)?
        .child(text_el("li", "", &labelled(ui.t("prompts.intensity_label"), ui.t(&intensity)))?)?
        .child(text_el("li", "", &minutes)?)?;
    let mut card = el("div")?
        .class("card prompt-card")?
        .attr("data-prompt", prompt.id())?
        .attr("data-intensity", prompt.intensity.as_str())?
        .child(para("prompt-text", prompt.text())?.id(PROMPT_TEXT_ID)?)?
        .child(meta)?;
    if let Some(source) = shown.source {
        card = card.child(para("muted prompt-source", &ui.fill("prompts.source", &[("source", source)]))?)?;
    }
    if shown.caution.is_some() {
        card = card.child(para("caution", ui.t("prompts.deep_caution"))?)?;
    }
    if prompt.intensity == Intensity::Deep {
        card = card.child(para("muted", ui.t("prompts.deep_series"))?)?;
    }
    if prompt.exercise == Exercise::BestPossibleSelf {
        card = card.child(para("muted", ui.t("prompts.bps_note"))?)?;
    }
    Ok(card)
}

/// A paragraph of text (kept out of line: the views build many).
#[inline(never)]
fn para(class: &str, text: &str) -> Result<El> {
    let p = text_el("p", "", text)?;
    if class.is_empty() {
        Ok(p)
    } else {
        p.class(class)
    }
}

/// An empty live region; `announce` fills it.
fn live(id: &str) -> Result<El> {
    el("p")?.id(id)?.class("status")?.attr("role", "status")
}

fn labelled(label: &str, value: &str) -> String {
    let mut out = String::with_capacity(label.len() + value.len() + 2);
    out.push_str(label);
    out.push_str(": ");
    out.push_str(value);
    out
}

/// The writing box, under the prompt.
fn writing(ui: &Ui, p: &Prompts) -> Result<El> {
    let stop_id = "byr-prompts-stop";
    let text = el("textarea")?
        .id(TEXT_ID)?
        .attr("rows", "8")?
        .attr("data-input", "prompts-draft")?
        .attr("placeholder", ui.t("prompts.write_placeholder"))?
        .attr("aria-describedby", &[PROMPT_TEXT_ID, " ", stop_id].concat())?
        .attr("autocomplete", "off")?
        .attr("spellcheck", "true")?;
    text.0.unchecked_ref::<HtmlTextAreaElement>().set_value(&p.draft);
    el("div")?
        .class("writing")?
        .child(el("label")?.attr("for", TEXT_ID)?.text(ui.t("prompts.write_label"))?)?
        .child(text)?
        .child(para("muted", ui.t("prompts.stop_anytime"))?.id(stop_id)?)?
        .child(button(ui.t("prompts.save"))?.class("primary")?.attr("data-action", "prompts-save")?)
}

/// "My journal": the keep toggle (or what is wrong with the saved journal), the entries, export and
/// forget.
fn journal(ui: &Ui, p: &Prompts) -> Result<El> {
    let mut section = el("section")?
        .class("journal")?
        .attr("aria-labelledby", JOURNAL_TITLE_ID)?
        .child(el("h3")?.id(JOURNAL_TITLE_ID)?.attr("tabindex", "-1")?.text(ui.t("journal.heading"))?)?;
    match &p.problem {
        Some(problem) => section = section.child(trouble(ui, problem)?)?,
        None => {
            let explain_id = "byr-journal-keep-explain";
            section = section
                .child(toggle(KEEP_ID, "journal-keep", ui.t("journal.keep_toggle"), p.keep, explain_id)?)?
                .child(para("muted", ui.t("journal.keep_explain"))?.id(explain_id)?)?;
        }
    }
    let said = if p.keep { "journal.nothing_sent" } else { "journal.keep_off" };
    section = section.child(para("keep-state", ui.t(said))?)?;
    if p.unavailable {
        section = section.child(para("notice", ui.t("journal.storage_unavailable"))?)?;
    }
    if p.entries.is_empty() {
        section = section.child(para("muted", ui.t("journal.empty"))?)?;
    } else {
        let mut list = el("ol")?.class("entries")?.attr("reversed", "")?;
        for (i, entry) in p.entries.iter().enumerate().rev() {
            list = list.child(entry_item(ui, i, entry)?)?;
        }
        section = section.child(list)?;
    }
    let mut actions = el("div")?.class("journal-actions")?;
    if !p.entries.is_empty() {
        let id = "byr-journal-export-explain";
        actions = actions
            .child(
                button(ui.t("journal.export"))?.attr("data-action", "journal-export")?.attr("aria-describedby", id)?,
            )?
            .child(para("muted", ui.t("journal.export_explain"))?.id(id)?)?;
    }
    if p.confirming {
        let id = "byr-journal-forget-confirm";
        actions = actions.child(para("notice", ui.t("journal.forget_confirm"))?.id(id)?)?.child(
            el("div")?
                .class("confirm")?
                .child(
                    button(ui.t("journal.forget_yes"))?
                        .id(FORGET_YES_ID)?
                        .class("danger")?
                        .attr("data-action", "journal-forget-yes")?
                        .attr("aria-describedby", id)?,
                )?
                .child(button(ui.t("journal.forget_cancel"))?.attr("data-action", "journal-forget-no")?)?,
        )?;
    } else if p.keep || !p.entries.is_empty() {
        let id = "byr-journal-forget-explain";
        actions = actions
            .child(
                button(ui.t("journal.forget"))?
                    .id(FORGET_ID)?
                    .attr("data-action", "journal-forget")?
                    .attr("aria-describedby", id)?,
            )?
            .child(para("muted", ui.t("journal.forget_explain"))?.id(id)?)?;
    }
    section.child(actions)?.child(live(JOURNAL_STATUS_ID)?)
}

/// A saved journal that cannot be opened: say so plainly and offer a way out.
fn trouble(ui: &Ui, problem: &JournalError) -> Result<El> {
    let explain_id = "byr-journal-reset-explain";
    let mut box_ = el("div")?.class("notice journal-problem")?;
    match problem {
        JournalError::ForeignVersion { .. } => box_ = box_.child(para("", ui.t("journal.foreign"))?)?,
        JournalError::Corrupt { readable } => {
            box_ = box_.child(para("", ui.t("journal.corrupt"))?)?;
            if !readable.is_empty() {
                let count = readable.len().to_string();
                box_ = box_
                    .child(para("", &ui.fill("journal.corrupt_readable", &[("count", &count)]))?)?
                    .child(button(ui.t("journal.corrupt_export"))?.attr("data-action", "journal-export-readable")?)?;
            }
        }
    }
    box_.child(para("muted", ui.t("journal.corrupt_reset_explain"))?.id(explain_id)?)?.child(
        button(ui.t("journal.corrupt_reset"))?
            .id("byr-journal-reset")?
            .attr("data-action", "journal-reset")?
            .attr("aria-describedby", explain_id)?,
    )
}

fn entry_item(ui: &Ui, index: usize, entry: &Entry) -> Result<El> {
    let index = index.to_string();
    let heading_id = ["byr-entry-", &index].concat();
    let when = js_sys::Date::new(&entry.written_at.as_str().into());
    let when = if when.get_time().is_nan() {
        entry.written_at.clone()
    } else {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        String::from(when.to_locale_string(ui.lang.as_str(), &options))
    };
    let prompt = if entry.prompt_text.is_empty() { ui.t("journal.free_writing") } else { entry.prompt_text.as_str() };
    el("li")?
        .class("card entry")?
        .child(el("h4")?.id(&heading_id)?.text(&when)?)?
        .child(para("muted entry-prompt", prompt)?)?
        .child(para("entry-text", &entry.text)?)?
        .child(
            button(ui.t("journal.entry_delete"))?
                .attr("data-action", "journal-delete")?
                .attr("data-index", &index)?
                .attr("aria-describedby", &heading_id)?,
        )
}

/// Writes the journal if the person chose to keep it.
fn persist(p: &mut Prompts) {
    if p.keep {
        p.unavailable = !journal_store::save(&p.entries);
    }
}

/// A click on a control whose `data-action` starts with "prompts-" or "journal-".
pub fn on_action(state: &Shared, action: &str, target: &Element) {
    let mut s = state.borrow_mut();
    // Where focus goes after the re-render, and what the live region then says.
    let (focus, status): (&str, Option<(&str, &str)>) = match action {
        "prompts-another" => {
            next_prompt(&mut s);
            let said = s.prompts.restarted.then_some((STATUS_ID, "prompts.cycle_restarted"));
            (ANOTHER_ID, said)
        }
        "prompts-start" => {
            s.prompts.writing = true;
            (TEXT_ID, None)
        }
        "prompts-save" => {
            if let Some(text) = s.root.get_element_by_id(TEXT_ID).and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                s.prompts.draft = text.value();
            }
            if s.prompts.draft.trim().is_empty() {
                (TEXT_ID, None)
            } else {
                let (shown, _) = current(&s);
                let written_at = String::from(js_sys::Date::new_0().to_iso_string());
                let text = std::mem::take(&mut s.prompts.draft);
                let entry = Entry {
                    prompt_id: shown.prompt.id().into(),
                    prompt_text: shown.prompt.text().into(),
                    written_at,
                    text,
                };
                let p = &mut s.prompts;
                p.entries.push(entry);
                p.writing = false;
                persist(p);
                let said = if p.keep && !p.unavailable { "prompts.saved" } else { "prompts.saved_for_now" };
                (START_ID, Some((STATUS_ID, said)))
            }
        }
        "journal-delete" => {
            let p = &mut s.prompts;
            match target
                .get_attribute("data-index")
                .and_then(|i| i.parse::<usize>().ok())
                .filter(|&i| i < p.entries.len())
            {
                Some(i) => {
                    p.entries.remove(i);
                    persist(p);
                    (JOURNAL_TITLE_ID, Some((JOURNAL_STATUS_ID, "journal.entry_delete_done")))
                }
                None => return,
            }
        }
        "journal-export" => {
            let text = journal_markdown(&s.prompts.entries, s.view.lang);
            let _ = journal_store::download(&text);
            return;
        }
        "journal-export-readable" => {
            if let Some(JournalError::Corrupt { readable }) = &s.prompts.problem {
                let text = journal_markdown(readable, s.view.lang);
                let _ = journal_store::download(&text);
            }
            return;
        }
        "journal-reset" => {
            let p = &mut s.prompts;
            p.unavailable = !journal_store::remove();
            p.problem = None;
            p.keep = false;
            (KEEP_ID, Some((JOURNAL_STATUS_ID, "journal.reset_done")))
        }
        "journal-forget" => {
            s.prompts.confirming = true;
            (FORGET_YES_ID, None)
        }
        "journal-forget-no" => {
            s.prompts.confirming = false;
            (FORGET_ID, None)
        }
        "journal-forget-yes" => {
            let p = &mut s.prompts;
            p.entries.clear();
            p.draft.clear();
            p.writing = false;
            p.confirming = false;
            let had_store = p.keep || p.problem.is_some();
            p.unavailable = !journal_store::remove() && had_store;
            p.problem = None;
            p.keep = false;
            // Everything else the widget may have kept (a remembered country) goes too.
            super::storage::forget_all();
            s.view.remember_country = false;
            if let Some(check) = s.root.get_element_by_id(super::help::REMEMBER_ID) {
                if let Ok(check) = check.dyn_into::<HtmlInputElement>() {
                    check.set_checked(false);
                }
            }
            (JOURNAL_TITLE_ID, Some((JOURNAL_STATUS_ID, "journal.forget_done")))
        }
        _ => return,
    };
    drop(s);
    finish(state, focus, status);
}

/// An input/change on a control whose `data-input` starts with "prompts-" or "journal-". Checkboxes
/// and selects fire both events: only a real change does anything.
pub fn on_input(state: &Shared, kind: &str, target: &Element) {
    let mut s = state.borrow_mut();
    let focus = match kind {
        "prompts-draft" => {
            if let Some(text) = target.dyn_ref::<HtmlTextAreaElement>() {
                s.prompts.draft = text.value();
            }
            return;
        }
        "prompts-theme" => {
            let Some(value) = target.dyn_ref::<HtmlSelectElement>().map(HtmlSelectElement::value) else { return };
            let value = themes().iter().find(|t| **t == value).map(|t| t.to_string()).unwrap_or_default();
            if value == s.prompts.theme {
                return;
            }
            s.prompts.theme = value;
            next_prompt(&mut s);
            THEME_ID
        }
        "prompts-deep" => {
            let Some(on) = target.dyn_ref::<HtmlInputElement>().map(HtmlInputElement::checked) else { return };
            if on == s.prompts.deep {
                return;
            }
            s.prompts.deep = on;
            next_prompt(&mut s);
            DEEP_ID
        }
        "journal-keep" => {
            let Some(on) = target.dyn_ref::<HtmlInputElement>().map(HtmlInputElement::checked) else { return };
            let p = &mut s.prompts;
            if on == p.keep || p.problem.is_some() {
                return;
            }
            if on {
                p.unavailable = !journal_store::save(&p.entries);
                p.keep = !p.unavailable;
            } else {
                journal_store::remove();
                p.keep = false;
                p.unavailable = false;
            }
            KEEP_ID
        }
        _ => return,
    };
    drop(s);
    finish(state, focus, None);
}

/// Re-renders the section, puts focus back where the person was and, a moment later (so screen
/// readers notice the change), says what happened in a live region.
fn finish(state: &Shared, focus: &str, status: Option<(&str, &str)>) {
    let s = state.borrow();
    let _ = refresh_slot(&s, "prompts");
    if let Some(target) = s.root.get_element_by_id(focus).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = target.focus();
    }
    if let Some((id, key)) = status {
        announce(&s.root, id, s.ui().t(key).to_string());
    }
}

fn announce(root: &ShadowRoot, id: &str, text: String) {
    let (root, id) = (root.clone(), id.to_string());
    Timeout::new(100, move || {
        if let Some(region) = root.get_element_by_id(&id) {
            region.set_text_content(Some(&text));
        }
    })
    .forget();
}
