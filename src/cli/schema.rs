//! The data format's JSON Schema (`summary-card schema`,
//! `dist/summary-card.schema.json`), derived from the types of
//! [`crate::core::model`]. CLI only: the browser's wasm carries none of it.
//!
//! The model's types derive `schemars::JsonSchema`, and the doc comments on
//! their fields are the schema's descriptions; how a value is written before
//! validation is said by the types of [`crate::core::schema_types`], which
//! the model's attributes name. Here the schema is generated and finished:
//! - `Option` means "may be left out": the validator refuses `null`, so the
//!   `null` schemars allows for an `Option` is taken out (`no_null`);
//! - descriptions are joined into one line per paragraph (`one_line`);
//! - the root gets its `$id`, title and description, and `oneOf`.
//!
//! What a schema cannot say is in [`DESCRIPTION`].

use crate::core::model::Document;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::Schema;
use serde_json::Value;

/// The schema's `$id`: a name, not a place to fetch it from.
pub const ID: &str = "https://summary-card.invalid/summary-card.schema.json";

/// The root's title.
pub const TITLE: &str = "summary-card data, version 1";

/// The root's description: what the data is, and what only the validator
/// checks.
pub const DESCRIPTION: &str = "One podcast episode's summary card, or a collection of them: \
{ \"version\": 1, \"episodes\": [ ... ] }. Only a card's title and takeaways are required; unknown \
fields are allowed and ignored. The validator (`summary-card validate`, validate() in JavaScript) also \
checks what this schema cannot: the file is at most 1 MiB (1048576 bytes) and nests arrays and objects \
at most 64 levels deep, and version is written 1 (1.0 and 1e0 are refused).";

/// Takes out the `null` that schemars allows for an `Option`: in the data a
/// missing value is left out, and `null` is refused.
fn no_null(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else { return };
    if let Some(Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            obj.insert("type".into(), only);
        }
    }
    let null = serde_json::json!({ "type": "null" });
    let Some(Value::Array(any)) = obj.get_mut("anyOf") else { return };
    if !any.contains(&null) {
        return;
    }
    any.retain(|s| *s != null);
    if let [Value::Object(only)] = any.as_slice() {
        let only = only.clone();
        obj.remove("anyOf");
        for (k, v) in only {
            // The field's own description wins over its type's.
            obj.entry(k).or_insert(v);
        }
    }
}

/// Joins the lines of a doc comment's paragraphs: a description is plain
/// text, which editors wrap themselves.
fn one_line(schema: &mut Schema) {
    if let Some(Value::String(d)) = schema.get_mut("description") {
        *d = d.split("\n\n").map(|p| p.replace('\n', " ")).collect::<Vec<_>>().join("\n\n");
    }
}

/// The schema as a value.
pub fn schema() -> Schema {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(no_null))
        .with_transform(RecursiveTransform(one_line))
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Document>();
    schema.insert("$id".into(), ID.into());
    schema.insert("title".into(), TITLE.into());
    schema.insert("description".into(), DESCRIPTION.into());
    // An untagged enum derives `anyOf`; a card may not hold `episodes`, so
    // exactly one branch matches any document, and `oneOf` says so.
    if let Some(branches) = schema.remove("anyOf") {
        schema.insert("oneOf".into(), branches);
    }
    schema
}

/// The JSON Schema as pretty-printed JSON text ending in a newline.
pub fn schema_json() -> String {
    format!("{:#}\n", schema().as_value())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `properties` member in `v`, with its JSON pointer.
    fn properties<'v>(v: &'v Value, at: &str, out: &mut Vec<(String, &'v Value)>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    let here = format!("{at}/{k}");
                    if k == "properties" {
                        for (name, p) in child.as_object().into_iter().flatten() {
                            out.push((format!("{here}/{name}"), p));
                        }
                    }
                    properties(child, &here, out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    properties(child, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn the_schema_is_json_and_every_property_is_described() {
        let text = schema_json();
        assert!(text.ends_with("}\n"));
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(v["$id"], ID);
        let mut props = Vec::new();
        properties(&v, "#", &mut props);
        let names: Vec<&str> = props.iter().map(|(p, _)| p.rsplit('/').next().unwrap()).collect();
        for field in ["version", "id", "url", "title", "takeaways", "cta", "episodes", "name", "artwork", "label"] {
            assert!(names.contains(&field), "{field} in {names:?}");
        }
        for (at, p) in &props {
            let d = p["description"].as_str().unwrap_or_default();
            assert!(d.len() > 10, "{at} has no description");
        }
        for (name, def) in v["$defs"].as_object().unwrap() {
            assert!(def["description"].as_str().is_some_and(|d| d.len() > 10), "$defs/{name} has no description");
        }
    }

    #[test]
    fn the_schema_describes_the_json_not_the_model() {
        let v = schema().to_value();
        let card = &v["$defs"]["Card"];
        assert_eq!(card["required"], serde_json::json!(["title", "takeaways"]));
        assert_eq!(card["properties"]["version"]["const"], 1);
        assert_eq!(
            card["properties"]["ai_generated"],
            serde_json::json!({
                "type": "boolean", "default": false, "description": card["properties"]["ai_generated"]["description"]
            })
        );
        assert_eq!(card["properties"]["takeaways"]["minItems"], 1);
        assert_eq!(card["properties"]["takeaways"]["maxItems"], 100);
        assert_eq!(card["properties"]["guests"]["items"]["maxLength"], 5000);
        assert_eq!(card["properties"]["cta"]["$ref"], "#/$defs/Cta");
        assert_eq!(v["$defs"]["Cta"]["properties"]["url"]["$ref"], "#/$defs/LinkUrl");
        assert_eq!(v["$defs"]["Collection"]["properties"]["episodes"]["maxItems"], 500);
        assert!(card.get("additionalProperties").is_none(), "unknown fields are allowed");
        assert_eq!(v["oneOf"].as_array().map(Vec::len), Some(2));
        // No null anywhere: the validator refuses it.
        assert!(!v.to_string().contains("null"), "{v:#}");
    }
}
