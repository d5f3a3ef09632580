//! The rules every helpline entry must pass: dial strings, https links, ISO dates, known codes.
//! Plain std so that `build/directory.rs` compiles this same file (`#[path]`): the data is checked by
//! the build, by the tests and, for host-supplied lines, at run time, all with one definition.

/// What a line can be for. A closed set, so the UI can label every topic in every language.
pub const TOPICS: &[&str] = &[
    "anxiety",
    "child-abuse",
    "crisis",
    "depression",
    "domestic-violence",
    "emotional-support",
    "health",
    "indigenous",
    "lgbtq",
    "lgbtq-youth",
    "men",
    "mental-health",
    "peer-support",
    "referral",
    "relationships",
    "sexual-assault",
    "stalking",
    "substance-use",
    "suicide",
    "transgender",
    "urgent-care",
    "victims",
    "violence-against-women",
    "youth",
];

/// Who a line is only for, when it is not for everyone.
pub const AUDIENCES: &[&str] = &["indigenous", "lgbtq", "lgbtq_youth", "men", "veterans", "youth"];

/// Which service an emergency number reaches, where a country splits them.
pub const SERVICES: &[&str] = &["ambulance", "fire", "health", "mobile", "police"];

/// Topics that make a line a place to turn in emotional crisis (the "at least one crisis line" rule).
pub const CRISIS_TOPICS: &[&str] = &["suicide", "crisis", "mental-health", "emotional-support"];

/// How long a dial string may be, and how many digits it may hold (E.164 allows 15).
const MAX_DIAL_LEN: usize = 24;
const MIN_DIGITS: usize = 2; // France's SAMU is "15"
const MAX_DIGITS: usize = 15;
pub const MAX_URL_LEN: usize = 300;

/// A number as people dial it: an optional leading `+` (international) or `*` (mobile short code),
/// then digit groups separated by single spaces or hyphens. "988", "116 123", "1-800-799-7233",
/// "+254 722 178 177", "*4141". Menu choices ("press 2") go in a separate field, never in here.
pub fn is_dial_string(s: &str) -> bool {
    if s.is_empty() || s.len() > MAX_DIAL_LEN {
        return false;
    }
    let body = s.strip_prefix(['+', '*']).unwrap_or(s);
    let bytes = body.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else { return false };
    if !first.is_ascii_digit() || !last.is_ascii_digit() {
        return false;
    }
    let mut digits = 0;
    let mut prev_sep = false;
    for &b in bytes {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                prev_sep = false;
            }
            b' ' | b'-' if !prev_sep => prev_sep = true,
            _ => return false,
        }
    }
    (MIN_DIGITS..=MAX_DIGITS).contains(&digits)
}

/// A menu option to choose once the call connects ("then press 2"): one or two digits.
pub fn is_menu_option(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A word to text ("HOME"): ASCII letters and digits only, so it can go into an `sms:` link as is.
pub fn is_sms_keyword(s: &str) -> bool {
    (1..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The dial string with its separators removed, for a `tel:` or `sms:` link ("1-800-799-7233" →
/// "18007997233"; "+65 6669 1771" → "+6566691771").
pub fn dial_digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit() || *c == '+' || *c == '*').collect()
}

/// An `https:` link with a plain host name and no characters that could break out of an attribute.
pub fn is_https_url(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else { return false };
    if s.len() > MAX_URL_LEN || s.bytes().any(|b| b <= b' ' || b >= 0x7f || b"\"'<>\\`".contains(&b)) {
        return false;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let labels_ok = host.split('.').all(|l| {
        !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    host.contains('.') && labels_ok
}

/// An ISO 639 language code as the data writes it: two or three lowercase letters.
pub fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// Reads `YYYY-MM-DD` into (year, month, day); `None` unless it is a real calendar date.
pub fn parse_iso_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let (y, m, d) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date for a count of days since 1970-01-01 (the inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

/// Whole calendar months from `from` to `to` (negative if `to` is earlier): 2026-01-31 → 2026-02-28
/// is 0 months, → 2026-03-01 is 1.
pub fn months_between(from: (i32, u32, u32), to: (i32, u32, u32)) -> i32 {
    let months = (to.0 - from.0) * 12 + to.1 as i32 - from.1 as i32;
    if months > 0 && to.2 < from.2 {
        months - 1
    } else if months < 0 && to.2 > from.2 {
        months + 1
    } else {
        months
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dial_strings() {
        for ok in ["988", "116 123", "1-800-799-7233", "+254 722 178 177", "*4141", "0800 111 0 111", "024"] {
            assert!(is_dial_string(ok), "{ok}");
        }
        for bad in ["", "1", "111 (option 2)", "call 988", "988 ", " 988", "1--800", "+", "12a4", "(011) 5275-1135", "1234567890123456"] {
            assert!(!is_dial_string(bad), "{bad}");
        }
        assert_eq!(dial_digits("1-800-799-7233"), "18007997233");
        assert_eq!(dial_digits("+65 6669 1771"), "+6566691771");
    }

    #[test]
    fn urls() {
        assert!(is_https_url("https://988lifeline.org"));
        assert!(is_https_url("https://www.thetrevorproject.org/get-help/"));
        for bad in ["http://988lifeline.org", "https://", "https://localhost", "javascript:alert(1)", "https://a.org/\"x", "https://a b.org"] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn dates_round_trip_and_months_count_whole_months() {
        assert_eq!(parse_iso_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_iso_date("2026-02-29"), None);
        assert_eq!(parse_iso_date("2026-13-01"), None);
        assert_eq!(parse_iso_date("26-11-01"), None);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in [-1000, 0, 11_017, 20_000, 20_515, 60_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(months_between((2026, 1, 31), (2026, 2, 28)), 0);
        assert_eq!(months_between((2026, 1, 31), (2026, 3, 1)), 1);
        assert_eq!(months_between((2026, 11, 1), (2027, 11, 1)), 12);
        assert_eq!(months_between((2026, 11, 1), (2028, 5, 1)), 18);
        assert_eq!(months_between((2026, 11, 2), (2026, 11, 1)), 0);
    }
}
