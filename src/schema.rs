//! The data format's JSON Schema (`summary-card schema`,
//! `dist/summary-card.schema.json`). Native only.
//! STUB: returns the hand-written schema until it is derived from the types.

/// The JSON Schema as pretty-printed JSON text ending in a newline.
pub fn schema_json() -> String {
    include_str!("schema.json").to_string()
}
