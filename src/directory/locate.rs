//! Which country to pre-fill, from what the browser already knows: the region subtag of
//! `navigator.languages` first, then the `Intl` time zone. Never from the network (no IP lookup),
//! and the visitor can always change it in the picker.

use super::{all_countries, country, tables};
use crate::Lang;

/// The shipped country the visitor is probably in: the first language tag whose region is shipped
/// (`es-MX` → MX), else the IANA time zone (`Europe/Madrid` → ES), else `None`.
pub fn guess_country(language_tags: &[&str], time_zone: Option<&str>) -> Option<&'static str> {
    language_tags
        .iter()
        .filter_map(|tag| region_subtag(tag))
        .find_map(|region| country(region).map(|c| c.code))
        .or_else(|| time_zone.and_then(country_for_zone))
}

/// The region of a BCP 47 tag ("es-MX", "zh-Hant-TW", "en_US"); `None` for none or a UN M.49
/// area such as "es-419", which is not a country.
fn region_subtag(tag: &str) -> Option<&str> {
    for sub in tag.trim().split(['-', '_']).skip(1) {
        match sub.len() {
            2 if sub.bytes().all(|b| b.is_ascii_alphabetic()) => return Some(sub),
            4 if sub.bytes().all(|b| b.is_ascii_alphabetic()) => continue, // script, e.g. Hant
            3 if sub.bytes().all(|b| b.is_ascii_alphabetic()) => continue, // extended language
            _ => return None,
        }
    }
    None
}

fn country_for_zone(zone: &str) -> Option<&'static str> {
    let zones = tables::TIME_ZONES;
    let i = zones.binary_search_by(|(z, _)| (*z).cmp(zone.trim())).ok()?;
    all_countries().get(usize::from(zones[i].1)).map(|c| c.code)
}

/// Every shipped country as (code, name in `lang`), sorted by that name, for the country picker.
pub fn countries(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let order = match lang {
        Lang::En => tables::BY_NAME_EN,
        Lang::Es => tables::BY_NAME_ES,
    };
    order
        .iter()
        .filter_map(|&i| all_countries().get(usize::from(i)))
        .map(|c| (c.code, c.name(lang)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_subtags() {
        assert_eq!(region_subtag("es-MX"), Some("MX"));
        assert_eq!(region_subtag("en_GB"), Some("GB"));
        assert_eq!(region_subtag("zh-Hant-TW"), Some("TW"));
        assert_eq!(region_subtag("es-419"), None);
        assert_eq!(region_subtag("es"), None);
        assert_eq!(region_subtag(""), None);
    }

    #[test]
    fn language_region_wins_over_time_zone_and_unknown_regions_fall_through() {
        assert_eq!(guess_country(&["en-US"], Some("Europe/Madrid")), Some("US"));
        assert_eq!(guess_country(&["en-ZZ", "es-419"], Some("America/Bogota")), Some("CO"));
        assert_eq!(guess_country(&["fr"], Some("Mars/Olympus")), None);
        assert_eq!(guess_country(&[], None), None);
    }
}
