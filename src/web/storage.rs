//! The only place the widget touches Web Storage, and only for what the person opted in to keep.
//! Every key starts with `before-you-rely:`, so "Forget everything" can find them all.

use web_sys::Storage;

const PREFIX: &str = "before-you-rely:";
/// The country the person picked, when they ticked "Remember my choice".
pub const COUNTRY: &str = "before-you-rely:country";

/// `localStorage`, if the browser allows it (it can throw in private modes or when disabled).
pub fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Writes a value; false if storage is unavailable or full.
pub fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// Removes every key the widget may have written, and nothing else of the host's.
pub fn forget_all() {
    let Some(s) = local() else { return };
    let len = s.length().unwrap_or(0);
    let ours: Vec<String> = (0..len).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(PREFIX)).collect();
    for key in ours {
        let _ = s.remove_item(&key);
    }
}
