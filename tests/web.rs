//! The DOM layer in headless Chromium (wasm-bindgen-test): mount the panel into a real shadow root
//! and check what it builds, without the JS element or a server.
#![cfg(target_arch = "wasm32")]

use before_you_rely::web::mount;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn host(attrs: &[(&str, &str)]) -> (HtmlElement, ShadowRoot) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    for (k, v) in attrs {
        host.set_attribute(k, v).unwrap();
    }
    doc.body().unwrap().append_child(&host).unwrap();
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
    (host, root)
}

fn text_of(root: &ShadowRoot, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
fn renders_the_shell_with_help_in_english() {
    let (host, root) = host(&[("country", "US")]);
    let panel = mount(host, root.clone()).unwrap();
    assert_eq!(text_of(&root, "h2"), "Before you rely on AI");
    assert_eq!(text_of(&root, "#byr-help-title"), "Need help now?");
    assert!(root.query_selector("#byr-help a[href='tel:988']").unwrap().is_some());
    assert!(root.query_selector("#byr-help a[href='sms:988']").unwrap().is_some());
    assert!(root.query_selector("#byr-help a[href='tel:911']").unwrap().is_some());
    for slot in ["checkin", "checks", "prompts", "ai", "human"] {
        assert!(root.query_selector(&format!("[data-slot='{slot}']")).unwrap().is_some(), "slot {slot}");
    }
    drop(panel); // what free() does from JavaScript
}

#[wasm_bindgen_test]
fn styles_are_adopted_not_inlined() {
    let (host, root) = host(&[]);
    let _panel = mount(host, root.clone()).unwrap();
    assert_eq!(root.adopted_style_sheets().length(), 1);
    assert!(root.query_selector("style").unwrap().is_none());
}

#[wasm_bindgen_test]
fn honours_lang_and_re_renders_on_attribute_change() {
    let (host, root) = host(&[("lang", "es"), ("country", "US")]);
    let panel = mount(host.clone(), root.clone()).unwrap();
    assert_eq!(text_of(&root, "h2"), "Antes de confiar en la IA");
    host.set_attribute("lang", "en").unwrap();
    panel.attribute_changed().unwrap();
    assert_eq!(text_of(&root, "h2"), "Before you rely on AI");
}

#[wasm_bindgen_test]
fn external_links_send_no_referrer() {
    let (host, root) = host(&[("country", "US")]);
    let _panel = mount(host, root.clone()).unwrap();
    let links = root.query_selector_all("a[href^='https:']").unwrap();
    assert!(links.length() > 0);
    for i in 0..links.length() {
        let a: web_sys::Element = links.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
        assert_eq!(a.get_attribute("referrerpolicy").as_deref(), Some("no-referrer"));
    }
}

#[wasm_bindgen_test]
fn remounting_replaces_rather_than_stacks() {
    let (host, root) = host(&[]);
    drop(mount(host.clone(), root.clone()).unwrap());
    let _panel = mount(host, root.clone()).unwrap();
    assert_eq!(root.query_selector_all("section.panel").unwrap().length(), 1);
}

#[wasm_bindgen_test]
fn the_checkin_box_is_labelled_and_starts_empty() {
    let (host, root) = host(&[]);
    let _panel = mount(host, root.clone()).unwrap();
    let input: web_sys::HtmlTextAreaElement = root.get_element_by_id("byr-checkin-input").unwrap().dyn_into().unwrap();
    assert_eq!(input.value(), "");
    let label = root.query_selector("label[for='byr-checkin-input']").unwrap().unwrap();
    assert!(!label.text_content().unwrap().is_empty());
}

#[wasm_bindgen_test]
fn the_js_api_returns_plain_objects() {
    let json = before_you_rely::web::screen_json("hello there", None);
    let result = js_sys::JSON::parse(&json).unwrap();
    let level = js_sys::Reflect::get(&result, &"level".into()).unwrap();
    assert_eq!(level.as_string().as_deref(), Some("none"));
    assert!(js_sys::Array::is_array(&js_sys::Reflect::get(&result, &"evidence".into()).unwrap()));
}

#[wasm_bindgen_test]
fn renders_the_ai_section_and_the_prep_note_form() {
    let (host, root) = host(&[("country", "US")]);
    let _panel = mount(host, root.clone()).unwrap();
    assert_eq!(text_of(&root, "[data-slot='ai'] section.ai h3"), "AI chat and its limits");
    assert_eq!(text_of(&root, "[data-slot='ai'] .bridge"), "AI can be a bridge, not a destination.");
    assert_eq!(root.query_selector_all("section.ai .ai-cannot li").unwrap().length(), 6);
    assert_eq!(text_of(&root, "[data-slot='human'] section.human h3"), "Find a person to talk to");
    for id in ["byr-prep-help-with", "byr-prep-not-worked", "byr-prep-need", "byr-prep-my-questions"] {
        let field: web_sys::HtmlTextAreaElement = root.get_element_by_id(id).unwrap().dyn_into().unwrap();
        assert_eq!(field.value(), "");
        assert!(!text_of(&root, &format!("label[for='{id}']")).is_empty(), "{id} is labelled");
    }
    let standard: web_sys::HtmlInputElement = root.get_element_by_id("byr-prep-standard").unwrap().dyn_into().unwrap();
    assert_eq!(standard.type_(), "checkbox");
    assert!(!standard.checked());
    for action in ["prep-download", "prep-print", "prep-clear"] {
        assert!(root.query_selector(&format!("button[data-action='{action}']")).unwrap().is_some(), "{action}");
    }
    assert!(root.query_selector("#byr-prep-status[role='status']").unwrap().is_some());
    // Without a host directory link, no link is shown.
    assert!(root.query_selector(".directory-link").unwrap().is_none());
}

// --- self-checks ---

fn click(root: &ShadowRoot, selector: &str) {
    let el: HtmlElement = root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).dyn_into().unwrap();
    el.click();
}

/// Ticks the choice scoring `value` on the current question and presses Next.
fn answer(root: &ShadowRoot, value: u8) {
    click(root, &format!("#byr-checks fieldset input[value='{value}']"));
    click(root, "#byr-checks [data-action='checks-next']");
}

#[wasm_bindgen_test]
fn mounting_renders_the_self_check_choices() {
    let (host, root) = host(&[("country", "US")]);
    let _panel = mount(host, root.clone()).unwrap();
    assert_eq!(text_of(&root, "#byr-checks-title"), "Self-checks");
    let takes = root.query_selector_all("#byr-checks button[data-action='checks-take']").unwrap();
    let ids: Vec<String> = (0..takes.length())
        .map(|i| takes.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap().get_attribute("data-check").unwrap())
        .collect();
    assert_eq!(ids, ["asq", "phq9", "phq2", "gad7", "gad2"]);
    assert!(text_of(&root, "#byr-checks").contains("This is a screening questionnaire, not a diagnosis."));
    assert!(text_of(&root, "#byr-checks").contains("tested with a doctor or nurse"));
    assert!(root.query_selector("#byr-checks [role='status']").unwrap().is_some(), "a live region for progress");
}

#[wasm_bindgen_test]
fn a_phq9_item_9_answer_moves_help_first_without_a_reassuring_band() {
    let (host, root) = host(&[("country", "US")]);
    let _panel = mount(host, root.clone()).unwrap();
    click(&root, "#byr-checks [data-check='phq9']");
    assert!(text_of(&root, "#byr-checks").contains("Question 1 of 9"));
    assert_eq!(root.query_selector_all("#byr-checks fieldset legend").unwrap().length(), 1);
    for v in [0, 0, 2, 0, 0, 0, 0, 0, 1, 0] {
        answer(&root, v);
    }
    let panel = root.query_selector("section.panel").unwrap().unwrap();
    let first = panel.query_selector(":scope > .help, :scope > .intro").unwrap().unwrap();
    assert_eq!(first.id(), "byr-help", "help comes before the intro");
    let text = panel.text_content().unwrap();
    assert!(!text.to_lowercase().contains("minimal"), "{text}");
    assert!(text.contains("You said you have had thoughts of death"));
    // Nothing was typed: the help message speaks of the answers, not of what the person "wrote".
    let message = text_of(&root, "#byr-help-message");
    assert!(message.starts_with("Your answers suggest you may be going through something serious"), "{message}");
    assert!(!message.contains("putting that into words") && !message.contains("What you wrote"), "{message}");
    assert!(root.query_selector("#byr-checks [data-check='asq']").unwrap().is_some(), "ASQ offered");
    // Start over wipes the answers and the signal.
    click(&root, "#byr-checks [data-action='checks-start-over']");
    assert!(text_of(&root, "#byr-checks").contains("Question 1 of 9"));
    let first = panel.query_selector(":scope > .help, :scope > .intro").unwrap().unwrap();
    assert_eq!(first.class_name(), "intro");
    assert_eq!(text_of(&root, "#byr-help-message"), "");
}

#[wasm_bindgen_test]
fn an_acute_asq_puts_the_emergency_number_first() {
    let (host, root) = host(&[("country", "US")]);
    let _panel = mount(host, root.clone()).unwrap();
    click(&root, "#byr-checks [data-check='asq']");
    for v in [0, 1, 0, 0, 1] {
        answer(&root, v);
    }
    assert!(root.query_selector("#byr-help-cards > li:first-child a[href='tel:911']").unwrap().is_some());
    let message = text_of(&root, "#byr-help-message");
    assert!(message.starts_with("Your answers suggest it is important to talk to someone right now"), "{message}");
    assert!(text_of(&root, "#byr-checks").contains("thoughts of suicide right now"));
    assert!(!text_of(&root, "section.panel").contains("Negative screen"));
}

#[wasm_bindgen_test]
fn the_prompts_section_shows_a_prompt_and_the_journal_starts_off_and_unsaved() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("before-you-rely:journal").unwrap();
    let before = storage.length().unwrap();
    let (host, root) = host(&[("country", "US")]);
    let _panel = mount(host, root.clone()).unwrap();
    assert!(!text_of(&root, "[data-slot='prompts'] #byr-prompt-text").trim().is_empty());
    assert_eq!(text_of(&root, "#byr-prompts-title"), "Journaling prompts");
    let keep: web_sys::HtmlInputElement = root.get_element_by_id("byr-journal-keep").unwrap().dyn_into().unwrap();
    assert!(!keep.checked());
    assert!(root.query_selector("label[for='byr-journal-keep']").unwrap().is_some());
    let deep: web_sys::HtmlInputElement = root.get_element_by_id("byr-prompts-deep").unwrap().dyn_into().unwrap();
    assert!(!deep.checked());
    assert_ne!(root.query_selector(".prompt-card").unwrap().unwrap().get_attribute("data-intensity").as_deref(), Some("deep"));
    // Mounting reads, never writes.
    assert_eq!(storage.length().unwrap(), before);
    assert_eq!(storage.get_item("before-you-rely:journal").unwrap(), None);
}

#[wasm_bindgen_test]
fn another_prompt_and_saving_an_entry_stay_in_memory() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("before-you-rely:journal").unwrap();
    let before = storage.length().unwrap();
    let (host, root) = host(&[("country", "US")]);
    let _panel = mount(host, root.clone()).unwrap();
    let click = |selector: &str| {
        let b: web_sys::HtmlElement = root.query_selector(selector).unwrap().unwrap().dyn_into().unwrap();
        b.click();
    };
    let first = text_of(&root, "#byr-prompt-text");
    click("#byr-prompts-another");
    assert_ne!(text_of(&root, "#byr-prompt-text"), first);
    click("#byr-prompts-start");
    let text: web_sys::HtmlTextAreaElement = root.get_element_by_id("byr-prompts-text").unwrap().dyn_into().unwrap();
    text.set_value("A walk helped.");
    click("[data-action='prompts-save']");
    assert_eq!(text_of(&root, ".entries .entry-text"), "A walk helped.");
    assert_eq!(storage.length().unwrap(), before);
    assert_eq!(storage.get_item("before-you-rely:journal").unwrap(), None);
}
