//! The message tables the browser's wasm fetches, `dist/locales/<tag>.json`
//! (the hidden `__locales DIR` command writes them for `scripts/build.mjs`):
//! each locale's built-in table from the core as minified JSON, read back by
//! `core::i18n::load` in the browser.
//!
//! `{"episode":"…",…,"min_read":{"one":"…","other":"…"},…,
//! "date":"{d} {MMM} {y}","months":["ene",…]}`: the plain messages, then the
//! plural ones by CLDR category, then the date pattern and the month names.
//! Characters are written as themselves (UTF-8), escaping only what JSON
//! requires.

use crate::core::i18n::{Forms, Locale, Messages};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A table, written in the order the core lists its messages.
struct Table(&'static Messages);

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = self.0;
        let mut map = serializer.serialize_map(None)?;
        for (name, text) in m.texts() {
            map.serialize_entry(name, text)?;
        }
        for (name, forms) in m.plural_messages() {
            map.serialize_entry(name, &PluralForms(forms))?;
        }
        map.serialize_entry("date", &m.date_pattern())?;
        map.serialize_entry("months", m.month_names())?;
        map.end()
    }
}

/// A plural message: its forms by category name, `{"one":"…","other":"…"}`.
struct PluralForms(&'static Forms);

impl Serialize for PluralForms {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|&(p, text)| (p.name(), text)))
    }
}

/// The message table of `locale` as minified JSON.
pub fn table_json(locale: Locale) -> String {
    // Writing strings into a String cannot fail.
    serde_json::to_string(&Table(locale.built_in())).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::LOCALES;

    #[test]
    fn every_table_reads_back_as_the_built_in_one() {
        for l in LOCALES {
            let json = table_json(l);
            assert!(!json.contains('\n') && json.starts_with("{\"episode\":\""), "minified: {json}");
            assert!(json.contains(",\"min_read\":{\"") && json.ends_with("]}"), "{json}");
            assert_eq!(Messages::from_json(&json).as_ref(), Some(l.built_in()), "{l:?}: {json}");
        }
    }
}
