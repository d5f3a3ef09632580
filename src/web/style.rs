//! The panel's styles: a constructable stylesheet adopted by the shadow root (allowed under a strict
//! `style-src 'self'` CSP), or a `<style>` element where constructable sheets are missing.

use super::dom::{text_el, Result};
use web_sys::{CssStyleSheet, ShadowRoot};

const CSS: &str = include_str!("panel.css");

pub fn apply(root: &ShadowRoot) -> Result<()> {
    match CssStyleSheet::new() {
        Ok(sheet) => {
            sheet.replace_sync(CSS)?;
            let sheets = js_sys::Array::of1(&sheet);
            root.set_adopted_style_sheets(&sheets);
        }
        Err(_) => {
            let style = text_el("style", "", CSS)?;
            root.append_child(&style.0)?;
        }
    }
    Ok(())
}
