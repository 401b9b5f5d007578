//! The JSON Schema of every zoo type, pinned by insta snapshots and checked against the
//! 2020-12 meta-schema.

use schemas::JsonSchema;
use serde_json::Value;
use zos_schema_tests::zoo::*;

fn zoo_schemas() -> Vec<(&'static str, Value)> {
    vec![
        ("Workload", Workload::json_schema()),
        ("Capacity", Capacity::json_schema()),
        ("Endpoints", Endpoints::json_schema()),
        ("Owner", Owner::json_schema()),
        ("Named_Port", Named::<Port>::json_schema()),
        ("Port", Port::json_schema()),
        ("Label", Label::json_schema()),
        ("Disk", Disk::json_schema()),
        ("Phase", Phase::json_schema()),
        ("Color", Color::json_schema()),
        ("Message", Message::json_schema()),
        ("Shape", Shape::json_schema()),
        ("Event", Event::json_schema()),
        ("Loose", Loose::json_schema()),
    ]
}

#[test]
fn snapshots() {
    for (name, schema) in zoo_schemas() {
        insta::assert_json_snapshot!(format!("zoo_{name}"), schema);
    }
}

#[test]
fn every_schema_is_valid_2020_12() {
    for (name, schema) in zoo_schemas() {
        assert_eq!(schema["$schema"], schemas::DRAFT_2020_12, "{name}");
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("{name}: not a valid 2020-12 schema: {e}");
        }
        // And every `$ref` resolves.
        let _ = zos_schema_tests::jsonschema_validator(&schema);
    }
}

#[test]
fn defaults_decide_requiredness() {
    // `capacity` has no default: required. `endpoints` defaults to empty strings, which
    // break their formats: a document may not leave it out. `env` defaults to an
    // empty map, which is fine: optional. `signature` defaults to "", which breaks
    // `length(equal = 8)`: required.
    let s = Workload::json_schema();
    let required: Vec<&str> = s["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(required.contains(&"capacity"), "{required:?}");
    assert!(required.contains(&"endpoints"), "{required:?}");
    assert!(required.contains(&"signature"), "{required:?}");
    assert!(!required.contains(&"env"), "{required:?}");
    assert!(!required.contains(&"node"), "{required:?}");
}

#[test]
fn rules_and_custom_checks_are_listed() {
    let s = Workload::json_schema();
    assert_eq!(s["x-rules"], serde_json::json!(["check_ports"]));
    assert_eq!(
        s["properties"]["signature"]["x-custom"],
        serde_json::json!(["not_all_zero"])
    );
    assert_eq!(s["properties"]["sealed"]["writeOnly"], true);
}
