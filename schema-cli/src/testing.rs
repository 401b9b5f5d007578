//! A small hand-written catalog for the unit tests, independent of the 0-OS registry:
//! a `Disk` type with a bound, a secret, a format and a nested list, and a `Tag` type,
//! told apart by `kind`.

use std::borrow::Cow;

use schemas::registry::TypeInfo;
use schemas::{Context, JsonSchema, SchemaGenerator, Validate};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::Catalog;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disk {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    size: u32,
    #[serde(default)]
    key: String,
    #[serde(default)]
    ranges: Option<Vec<String>>,
}

impl Validate for Disk {
    fn validate_into(&self, cx: &mut Context<'_>) {
        if self.size > 100 {
            cx.push("size");
            cx.error("range", format!("must be at most 100, got {}", self.size));
            cx.pop();
        }
        if !schemas::formats::is_hex(&self.key) {
            cx.push("key");
            cx.secret_error("format.hex", "must be hexadecimal bytes");
            cx.pop();
        }
        for (i, r) in self.ranges.iter().flatten().enumerate() {
            if !schemas::formats::is_cidr(r) {
                cx.push("ranges");
                cx.push_index(i);
                cx.error("format.cidr", "must be an IP range in CIDR notation");
                cx.pop();
                cx.pop();
            }
        }
    }
}

impl JsonSchema for Disk {
    fn schema_name() -> Cow<'static, str> {
        "Disk".into()
    }
    fn schema_body(_: &mut SchemaGenerator) -> Value {
        json!({
            "type": "object",
            "description": "A disk.",
            "additionalProperties": false,
            "properties": {
                "kind": { "const": "disk" },
                "size": { "type": "integer", "minimum": 0, "maximum": 100 },
                "key": { "type": "string", "format": "hex", "writeOnly": true },
                "ranges": { "type": ["array", "null"], "items": { "type": "string", "format": "cidr" } }
            }
        })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    kind: String,
    name: String,
}

impl Validate for Tag {
    fn validate_into(&self, cx: &mut Context<'_>) {
        if self.name.is_empty() {
            cx.push("name");
            cx.error("non_empty", "must not be empty");
            cx.pop();
        }
    }
}

impl JsonSchema for Tag {
    fn schema_name() -> Cow<'static, str> {
        "Tag".into()
    }
    fn schema_body(_: &mut SchemaGenerator) -> Value {
        json!({
            "type": "object",
            "description": "A tag.",
            "additionalProperties": false,
            "required": ["kind", "name"],
            "properties": {
                "kind": { "const": "tag" },
                "name": { "type": "string", "minLength": 1 }
            }
        })
    }
}

/// The test catalog: `Disk` and `Tag`, detected by `kind`.
pub fn catalog() -> Catalog {
    Catalog::new(
        "test",
        vec![
            TypeInfo::of::<Disk>("Disk", "A disk"),
            TypeInfo::of::<Tag>("Tag", "A tag\nwith a second line"),
        ],
        |doc| match doc.get("kind").and_then(Value::as_str) {
            Some("disk") => Some("Disk"),
            Some("tag") => Some("Tag"),
            _ => None,
        },
    )
}
