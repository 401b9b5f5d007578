//! Documents written by the original system (`../shared/fixtures/original/examples/`):
//! each decodes with its explicit type, validates with no decoding error, and re-encodes
//! to the same JSON value apart from the keys it leaves out (which come back with their
//! zero values).
//!
//! The folder is outside the repository: when it is absent the tests print why and pass,
//! unless `CI=true`, where they fail.

use std::path::PathBuf;

use schemas::zos;
use schemas::Options;
use serde_json::Value;

fn originals() -> Option<PathBuf> {
    zos_schema_tests::original_fixtures()
}

/// Whether `encoded` equals `original` on every key `original` has, recursively.
fn covers(original: &Value, encoded: &Value, at: &str) -> Result<(), String> {
    match (original, encoded) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let here = format!("{at}/{k}");
                let w = b
                    .get(k)
                    .ok_or_else(|| format!("{here} is missing after the round trip"))?;
                covers(v, w, &here)?;
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .try_for_each(|(i, (v, w))| covers(v, w, &format!("{at}/{i}"))),
        _ if original == encoded => Ok(()),
        _ => Err(format!("{at}: {original} became {encoded}")),
    }
}

fn check(file: &str, type_name: &str) -> Option<(Value, Value, Vec<String>)> {
    let dir = originals()?;
    let path = dir.join("examples").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let ty = zos::find(type_name).unwrap_or_else(|| panic!("{type_name} is not registered"));
    let violations: Vec<String> = match ty.check(&doc, &Options::new()) {
        Ok(()) => Vec::new(),
        Err(report) => report
            .iter()
            .map(|v| format!("{}: {} [{}]", v.pointer(), v.message(), v.code()))
            .collect(),
    };
    for v in &violations {
        for decoding in [
            "[type]",
            "[unknown_field]",
            "[missing_field]",
            "[duplicate_field]",
            "[enum]",
        ] {
            assert!(
                !v.ends_with(decoding),
                "{file} does not decode as {type_name}: {v}"
            );
        }
    }
    let encoded = ty
        .round_trip(&doc)
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    if let Err(e) = covers(&doc, &encoded, "") {
        panic!("{file} does not re-encode to the same value: {e}");
    }
    Some((doc, encoded, violations))
}

#[test]
fn legacy_network_from_the_explorer_builder_test() {
    let Some((_, encoded, violations)) = check("network.tfexplorer-builder-test.json", "Network")
    else {
        return;
    };
    // The fragment has no name (a zero value the nodes would refuse): that is the only
    // finding. Its CIDRs, sealed private key and WireGuard key are well formed.
    assert_eq!(
        violations,
        ["/name: a network needs a name: containers join it by name [rule.network_resource]"]
    );
    // Left-out keys come back with Go's zero values, lists as null.
    assert_eq!(encoded["name"], "");
    assert_eq!(encoded["workload_id"], 0);
    assert_eq!(encoded["stats_aggregator"], Value::Null);
    assert_eq!(encoded["network_resources"][0]["peers"], Value::Null);
}

#[test]
fn legacy_volume_from_the_zos_gedis_test() {
    let Some((_, encoded, violations)) = check("volume-content.zos-gedis-test.json", "Volume")
    else {
        return;
    };
    assert_eq!(violations, Vec::<String>::new());
    assert_eq!(encoded["type"], 0, "HDD stays HDD");
}

#[test]
fn legacy_zdb_from_the_zos_gedis_test() {
    let Some((_, encoded, violations)) = check("zdb-content.zos-gedis-test.json", "Zdb") else {
        return;
    };
    assert_eq!(violations, Vec::<String>::new());
    assert_eq!(encoded["mode"], 0, "seq stays seq");
    assert_eq!(encoded["password"], "");
}

#[test]
fn originals_are_detected() {
    let Some(dir) = originals() else { return };
    for (file, name) in [
        ("network.tfexplorer-builder-test.json", "Network"),
        ("volume-content.zos-gedis-test.json", "Volume"),
        ("zdb-content.zos-gedis-test.json", "Zdb"),
    ] {
        let text = std::fs::read_to_string(dir.join("examples").join(file)).unwrap_or_default();
        let doc: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(zos::detect(&doc).map(|t| t.name()), Some(name), "{file}");
    }
}
