//! Which links the panel may render. Host config and data can only ever become `https:`, `tel:`,
//! `sms:` or `mailto:` links; anything else (javascript:, data:, http:, relative paths) is refused.

/// The schemes a link may use.
const ALLOWED: [&str; 4] = ["https:", "tel:", "sms:", "mailto:"];

/// `Some(href)` if `href` is safe to put in an `<a href>`, else `None`.
/// Control characters and spaces inside the scheme are refused rather than cleaned, because browsers
/// strip them (`java\tscript:`) and a cleaned string could mean something else.
pub fn safe_href(href: &str) -> Option<&str> {
    let href = href.trim_matches(|c: char| c == ' ');
    if href.is_empty() || href.len() > 2048 || href.chars().any(|c| c.is_control()) {
        return None;
    }
    let colon = href.find(':')?;
    let scheme = &href[..=colon];
    if !ALLOWED.iter().any(|a| a.eq_ignore_ascii_case(scheme)) {
        return None;
    }
    if scheme.eq_ignore_ascii_case("https:") && !https_has_host(&href[colon + 1..]) {
        return None;
    }
    Some(href)
}

fn https_has_host(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix("//") else { return false };
    let host = after.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !host.contains(['\\', '@', ' ', '<', '>', '"', '\''])
}

/// A `tel:` link for a dial string as people write it ("1-800-799-7233", "116 123", "+44 808 …").
/// Keeps digits and a leading `+`; `None` if nothing diallable is left.
pub fn tel_href(dial: &str) -> Option<String> {
    let digits = dial_digits(dial)?;
    Some(format!("tel:{digits}"))
}

/// An `sms:` link; the keyword (e.g. HOME for Crisis Text Line) goes in the message body.
pub fn sms_href(number: &str, keyword: Option<&str>) -> Option<String> {
    let digits = dial_digits(number)?;
    Some(match keyword.filter(|k| k.chars().all(|c| c.is_ascii_alphanumeric()) && !k.is_empty()) {
        Some(k) => format!("sms:{digits}?&body={k}"),
        None => format!("sms:{digits}"),
    })
}

fn dial_digits(dial: &str) -> Option<String> {
    let mut out = String::with_capacity(dial.len());
    for (i, c) in dial.trim().chars().enumerate() {
        match c {
            '0'..='9' => out.push(c),
            '+' if i == 0 => out.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => break, // "111 (option 2)" dials 111; the option is read aloud by the card.
        }
    }
    out.chars().any(|c| c.is_ascii_digit()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_only_the_four_schemes() {
        for ok in ["https://988lifeline.org", "tel:988", "sms:741741?&body=HOME", "mailto:jo@samaritans.org", "HTTPS://x.org/a?b#c"] {
            assert_eq!(safe_href(ok), Some(ok.trim()), "{ok}");
        }
        for bad in [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>",
            "http://example.com", "//evil.example", "/relative", "vbscript:x", "https:evil.example",
            "https://", "https://user@evil.example", "https://a\\b", "", "   ", "file:///etc/passwd",
            "blob:https://x/y", " javascript:alert(1)", "\u{0}javascript:alert(1)",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dial_strings_become_tel_and_sms_links() {
        assert_eq!(tel_href("1-800-799-7233").as_deref(), Some("tel:18007997233"));
        assert_eq!(tel_href("116 123").as_deref(), Some("tel:116123"));
        assert_eq!(tel_href("+44 808 2000 247").as_deref(), Some("tel:+448082000247"));
        assert_eq!(tel_href("111 (option 2)").as_deref(), Some("tel:111"));
        assert_eq!(tel_href("call us"), None);
        assert_eq!(sms_href("741741", Some("HOME")).as_deref(), Some("sms:741741?&body=HOME"));
        assert_eq!(sms_href("988", None).as_deref(), Some("sms:988"));
        assert_eq!(sms_href("988", Some("<script>")).as_deref(), Some("sms:988"));
    }
}
