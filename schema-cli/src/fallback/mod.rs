//! Every structural error of a document that does not decode: serde stops at the first
//! one, so such a document is also validated with the `jsonschema` crate against our
//! emitted schema, and its errors are put in our codes and our words.
//!
//! Messages are written here from the schema side only (bounds, types, allowed values),
//! never from the instance, so no value, secret or not, is echoed.

use jsonschema::Validator;
use schemas::formats::Format;
use schemas::Violation;
use serde_json::Value;

use crate::schema_walk::SchemaView;

mod alternatives;
mod map;
mod words;

pub use words::unknown_field_message;

use map::map_error;

/// Compiles `schema` with format validation on and our checks for every format
/// `#[schema(format = ...)]` knows (so both views agree on what `cidr` means).
pub fn compile(schema: &Value) -> Result<Validator, String> {
    let mut options = jsonschema::options().should_validate_formats(true);
    for format in Format::ALL {
        let f = *format;
        options = options.with_format(f.name(), move |s: &str| f.check(s));
    }
    options.build(schema).map_err(|e| e.to_string())
}

/// The violations `validator` finds in `doc`, in our codes, without duplicates.
pub fn violations(validator: &Validator, view: SchemaView<'_>, doc: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    for error in validator.iter_errors(doc) {
        map_error(&error, view, &mut out, 0);
    }
    // An enum's message lists its values, which says more than its type.
    let enums: std::collections::HashSet<String> = out
        .iter()
        .filter(|v| v.code() == "enum")
        .map(|v| v.pointer().to_owned())
        .collect();
    out.retain(|v| !(v.code() == "type" && enums.contains(v.pointer())));
    let mut seen = std::collections::HashSet::new();
    out.retain(|v| {
        seen.insert((
            v.pointer().to_owned(),
            v.code().to_owned(),
            v.message().to_owned(),
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(schema: &Value, doc: &Value) -> Vec<String> {
        let v = compile(schema).unwrap();
        violations(&v, SchemaView::new(schema), doc)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn maps_every_error_without_values() {
        let schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "cpu": { "type": "integer", "minimum": 1, "maximum": 32 },
                "ip": { "type": "string", "format": "ip" },
                "range": { "type": ["string", "null"], "format": "cidr" },
                "net": { "type": "string", "anyOf": [{ "const": "" }, { "format": "cidr" }] },
                "host": { "type": "string", "anyOf": [{ "const": "" }, { "format": "ip" }, { "format": "hostname" }] },
                "kind": { "anyOf": [{ "$ref": "#/$defs/Kind" }, { "type": "null" }] },
                "tags": { "type": "array", "items": { "type": "string", "minLength": 1 }, "uniqueItems": true },
                "key": { "type": "string", "pattern": "^[0-9a-f]{4}$", "writeOnly": true }
            },
            "required": ["cpu"],
            "$defs": { "Kind": { "type": "integer", "oneOf": [{ "const": 0, "title": "hdd" }, { "const": 1, "title": "ssd" }] } }
        });
        let doc = json!({ "ip": "999.1.1.1", "range": "10.0.0.0/40", "kind": 7, "net": "x", "host": "-x-",
            "tags": ["", "a", "a"], "key": "hunter2", "extra": 1 });
        let got = run(&schema, &doc);
        let text = got.join("\n");
        for secret in ["999", "10.0.0.0", "hunter2"] {
            assert!(!text.contains(secret), "{text}");
        }
        insta_like(&got, &[
            "/extra: unknown field `extra`; expected one of: cpu, ip, range, net, host, kind, tags, key [unknown_field]",
            "/host: must be an IP address or a host name (or \"\") [format]",
            "/net: must be an IP range in CIDR notation (or \"\") [format.cidr]",
            "(root): missing required field `cpu` [required]",
            "/ip: must be an IP address [format.ip]",
            "/range: must be an IP range in CIDR notation [format.cidr]",
            "/kind: must be one of: 0 (hdd), 1 (ssd) [enum]",
            "/tags: items must be unique [unique]",
            "/tags/0: must be at least 1 character long [non_empty]",
            "/key: must match the pattern `^[0-9a-f]{4}$` [pattern]",
        ]);
        let doc = json!({ "cpu": 64, "kind": "ssd", "range": 5 });
        insta_like(
            &run(&schema, &doc),
            &[
                "/cpu: must be at most 32 [range]",
                "/range: must be a string or null, not an integer [type]",
                "/kind: must be one of: 0 (hdd), 1 (ssd) [enum]",
            ],
        );
    }

    fn insta_like(got: &[String], want: &[&str]) {
        let mut got = got.to_vec();
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }
}
