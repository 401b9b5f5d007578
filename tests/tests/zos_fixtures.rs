//! The project's fixtures under `tests/fixtures/`: every valid document validates (also
//! with the clock rules on at `generator::NOW`), is detected as its type and re-encodes
//! to the same JSON value; every invalid one fails with the code its file name names, and
//! its whole report (pointer, code, message) is pinned by a snapshot.
//!
//! File names say what a fixture is: `<Type>.<what>.json` for valid ones and
//! `<Type>.<code>[--<variant>].json` for invalid ones, `<Type>` being a registered name.

use std::path::{Path, PathBuf};

use schemas::zos::{self, generator::NOW};
use schemas::Options;
use serde_json::Value;

fn fixtures(kind: &str) -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(kind);
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            (stem, p)
        })
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn type_of(stem: &str) -> &'static schemas::registry::TypeInfo {
    let name = stem.split('.').next().unwrap_or_default();
    zos::find(name).unwrap_or_else(|| panic!("{stem}: no registered type {name:?}"))
}

#[test]
fn valid_fixtures_validate_and_round_trip() {
    let files = fixtures("valid");
    assert!(files.len() >= 20, "only {} valid fixtures", files.len());
    for (stem, path) in files {
        let doc = read(&path);
        let ty = type_of(&stem);
        if let Err(report) = ty.check(&doc, &Options::new()) {
            panic!("{stem} should be valid:\n{report}");
        }
        if let Err(report) = ty.check(&doc, &Options::new().at(NOW)) {
            panic!("{stem} should be valid at {NOW}:\n{report}");
        }
        let again = ty
            .round_trip(&doc)
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
        assert_eq!(
            again, doc,
            "{stem} does not re-encode to the same JSON value"
        );
        if doc.is_object() {
            let detected = zos::detect(&doc).map(|t| t.name());
            assert_eq!(
                detected,
                Some(ty.name()),
                "{stem} is detected as {detected:?}"
            );
        }
    }
}

#[test]
fn valid_fixtures_cover_every_kind_and_enum_value() {
    use schemas::zos::{DiskType, NextAction, ResultState, VolumeType, WorkloadType, ZdbMode};
    use schemas::StrEnum;
    let mut seen: Vec<(String, i64)> = Vec::new();
    fn walk(v: &Value, key: &str, seen: &mut Vec<(String, i64)>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    walk(x, k, seen);
                }
                if let Some(s) = m.get("json").and_then(Value::as_str) {
                    if let Ok(inner) = serde_json::from_str::<Value>(s) {
                        walk(&inner, "", seen);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, key, seen)),
            Value::Number(n) => seen.push((key.to_string(), n.as_i64().unwrap_or(-1))),
            _ => {}
        }
    }
    let mut types = Vec::new();
    for (stem, path) in fixtures("valid") {
        walk(&read(&path), "", &mut seen);
        types.push(type_of(&stem).name());
    }
    let has = |keys: &[&str], value: i64| {
        seen.iter()
            .any(|(k, v)| keys.contains(&k.as_str()) && *v == value)
    };
    for v in NextAction::VARIANTS {
        assert!(
            has(&["next_action"], v.to_int()),
            "no fixture with next_action {v}"
        );
    }
    for v in ResultState::VARIANTS {
        assert!(
            has(&["state"], v.to_int()),
            "no fixture with result state {v}"
        );
    }
    for v in VolumeType::VARIANTS {
        assert!(
            has(&["type"], v.to_int()),
            "no fixture with volume type {v}"
        );
    }
    for v in DiskType::VARIANTS {
        assert!(
            has(&["disk_type"], v.to_int()),
            "no fixture with disk type {v}"
        );
    }
    for v in ZdbMode::VARIANTS {
        assert!(has(&["mode"], v.to_int()), "no fixture with zdb mode {v}");
    }
    for v in WorkloadType::VARIANTS {
        assert!(
            has(&["workload_type", "category", "type"], v.to_int()),
            "no fixture with workload type {v}"
        );
        if let Some(name) = zos::registry::workload_document(*v) {
            assert!(types.contains(&name), "no {name} fixture");
        }
    }
    for name in [
        "Reservation",
        "Network",
        "Workload",
        "Result",
        "ResultCategory",
    ] {
        assert!(types.contains(&name), "no {name} fixture");
    }
}

#[test]
fn invalid_fixtures_fail_with_their_code() {
    let files = fixtures("invalid");
    assert!(files.len() >= 30, "only {} invalid fixtures", files.len());
    for (stem, path) in files {
        let doc = read(&path);
        let ty = type_of(&stem);
        let code = stem.split_once('.').map(|(_, c)| c).unwrap_or_default();
        let code = code.split("--").next().unwrap_or_default();
        let report = match ty.check(&doc, &Options::new().at(NOW)) {
            Ok(()) => panic!("{stem} should be invalid"),
            Err(r) => r,
        };
        assert!(
            report.iter().any(|v| v.code() == code),
            "{stem}: no violation with code {code}:\n{report}"
        );
        if code != "rule.workload_type" {
            let detected = zos::detect(&doc).map(|t| t.name());
            assert_eq!(
                detected,
                Some(ty.name()),
                "{stem} is detected as {detected:?}"
            );
        }
        insta::assert_json_snapshot!(format!("invalid__{stem}"), report);
    }
}
