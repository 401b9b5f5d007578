//! Real use of the exported types on documents: the project's fixtures
//! (`tests/fixtures/{valid,invalid}`, typed by `schemas::zos::detect`) and the original
//! system's examples (`../shared/fixtures/original/examples`) with the 0-OS export, and the sample fixtures (`tests/export/sample_fixtures`) with the sample
//! bundle's export.
//!
//! - Go decodes every valid document with `DisallowUnknownFields` and re-encodes it to
//!   the same JSON;
//! - Python validates every valid document with the pydantic models and dumps the same
//!   JSON, and rejects every document the Rust decoder rejects;
//! - TypeScript type-checks a module that types every valid document, and refuses the
//!   documents with an unknown key.
//!
//! "The same JSON" is [`support::same_json`]: equal values, except that keys the input
//! leaves out may come back (with their zero value).
//!
//! A missing toolchain skips the test with a printed reason, except when `CI=true`.

#[path = "../export/support.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use schemas::export::{go, python, typescript, Lang};
use serde_json::{json, Value};
use support::{exported, run, same_json, workdir, write, Fixture};

/// A bundle with its valid and invalid documents.
struct Case {
    name: &'static str,
    bundle: Value,
    valid: Vec<Fixture>,
    invalid: Vec<Fixture>,
}

fn cases() -> Vec<Case> {
    let zos = Case {
        name: "zos",
        bundle: support::registry_bundle(),
        valid: support::zos_fixtures(true)
            .into_iter()
            .chain(support::original_examples())
            .collect(),
        invalid: support::zos_fixtures(false),
    };
    if zos.valid.is_empty() {
        eprintln!("note: no valid fixtures in tests/fixtures/valid yet");
    }
    let sample = Case {
        name: "sample",
        bundle: support::sample_bundle(),
        valid: support::sample_fixtures(true),
        invalid: support::sample_fixtures(false),
    };
    assert!(!sample.valid.is_empty() && !sample.invalid.is_empty());
    vec![zos, sample]
}

/// The manifest the Go and Python harnesses read: `[{"type": ..., "path": ...}]`.
fn manifest(fixtures: &[&Fixture], name: impl Fn(&str) -> String) -> String {
    let entries: Vec<Value> = fixtures
        .iter()
        .map(|f| json!({ "type": name(&f.type_name), "path": f.path }))
        .collect();
    Value::Array(entries).to_string()
}

/// Reads a harness's answer: one `{"ok": bool, "output"?: ..., "error"?: ...}` per
/// document.
fn results(stdout: &[u8], expected: usize) -> Vec<Value> {
    let v: Value = serde_json::from_slice(stdout).unwrap_or_else(|e| {
        panic!(
            "harness output is not JSON ({e}): {}",
            String::from_utf8_lossy(stdout)
        )
    });
    let list = v.as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), expected, "one result per document");
    list
}

fn rel(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn go_round_trips_the_valid_fixtures() {
    if !support::go() {
        return;
    }
    for case in cases() {
        let dir = workdir(&format!("go-fixtures-{}", case.name));
        let harness = support::harness_dir().join("go");
        for file in ["go.mod", "main.go"] {
            let text = std::fs::read_to_string(harness.join(file)).unwrap_or_default();
            write(&dir.join(file), &text);
        }
        write(&dir.join("zos/zos.go"), &exported(Lang::Go, &case.bundle));
        let mut types = String::from("package main\n\nimport \"zosexport/zos\"\n\n");
        types.push_str("var types = map[string]func() any{\n");
        let defs = case.bundle["$defs"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for name in defs.keys() {
            let go_name = go::type_name(name);
            types.push_str(&format!(
                "\t{name:?}: func() any {{ return new(zos.{go_name}) }},\n"
            ));
        }
        types.push_str("}\n");
        write(&dir.join("types.go"), &types);
        let all: Vec<&Fixture> = case.valid.iter().chain(&case.invalid).collect();
        write(&dir.join("manifest.json"), &manifest(&all, str::to_string));
        let out = run(&mut support::go_cmd(&dir, &["run", ".", "manifest.json"]));
        let results = results(&out.stdout, all.len());
        let mut failures = Vec::new();
        for (f, r) in all.iter().zip(&results) {
            match (f.valid, r["ok"].as_bool() == Some(true)) {
                (true, true) => {
                    if let Err(e) = same_json(&f.value, &r["output"], "") {
                        failures.push(format!("{}: re-encoded differently: {e}", rel(&f.path)));
                    }
                }
                (true, false) => failures.push(format!("{}: {}", rel(&f.path), r["error"])),
                (false, true) if f.unknown_key() => failures.push(format!(
                    "{}: Go accepted an unknown key ({})",
                    rel(&f.path),
                    f.rust_error.as_deref().unwrap_or_default()
                )),
                (false, _) => {}
            }
        }
        assert!(
            failures.is_empty(),
            "{}:\n{}",
            case.name,
            failures.join("\n")
        );
        eprintln!(
            "{}: Go round-tripped {} valid documents",
            case.name,
            case.valid.len()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn python_validates_and_dumps_the_fixtures() {
    if !support::python() {
        return;
    }
    for case in cases() {
        let dir = workdir(&format!("py-fixtures-{}", case.name));
        write(&dir.join("zos.py"), &exported(Lang::Python, &case.bundle));
        let all: Vec<&Fixture> = case.valid.iter().chain(&case.invalid).collect();
        write(
            &dir.join("manifest.json"),
            &manifest(&all, python::class_name),
        );
        let script = support::harness_dir().join("python/check_fixtures.py");
        let out = run(Command::new("python3")
            .arg(&script)
            .arg(&dir)
            .arg("zos")
            .arg(dir.join("manifest.json")));
        let results = results(&out.stdout, all.len());
        let mut failures = Vec::new();
        let (mut rejected, mut also_rejected) = (0, 0);
        for (f, r) in all.iter().zip(&results) {
            let ok = r["ok"].as_bool() == Some(true);
            match (f.valid, &f.rust_error, ok) {
                (true, _, true) => {
                    if let Err(e) = same_json(&f.value, &r["output"], "") {
                        failures.push(format!("{}: dumped differently: {e}", rel(&f.path)));
                    }
                }
                (true, _, false) => failures.push(format!("{}: {}", rel(&f.path), r["error"])),
                (false, Some(why), true) => failures.push(format!(
                    "{}: accepted, but Rust cannot decode it: {why}",
                    rel(&f.path)
                )),
                (false, Some(_), false) => rejected += 1,
                // Decodes in Rust but breaks a rule: the models catch the bounds, lengths
                // and patterns among them, not the formats or cross-field rules.
                (false, None, false) => also_rejected += 1,
                (false, None, true) => {}
            }
        }
        assert!(
            failures.is_empty(),
            "{}:\n{}",
            case.name,
            failures.join("\n")
        );
        let structural = case
            .invalid
            .iter()
            .filter(|f| f.rust_error.is_some())
            .count();
        eprintln!(
            "{}: Python validated {} valid documents, rejected {rejected}/{structural} \
             structurally invalid ones and {also_rejected}/{} others",
            case.name,
            case.valid.len(),
            case.invalid.len() - structural
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn typescript_types_the_fixtures() {
    if !support::tsc() {
        return;
    }
    for case in cases() {
        let dir = workdir(&format!("ts-fixtures-{}", case.name));
        write(
            &dir.join("zos.ts"),
            &exported(Lang::TypeScript, &case.bundle),
        );
        let tsconfig = support::harness_dir().join("typescript/tsconfig.json");
        write(
            &dir.join("tsconfig.json"),
            &std::fs::read_to_string(tsconfig).unwrap_or_default(),
        );
        let mut module = String::from("import type * as zos from \"./zos\";\n");
        for (i, f) in case.valid.iter().enumerate() {
            let ty = typescript::type_name(&f.type_name);
            let text = serde_json::to_string_pretty(&f.value).unwrap_or_default();
            module.push_str(&format!(
                "\n// {}\nexport const valid{i}: zos.{ty} = {text};\n",
                rel(&f.path)
            ));
        }
        // A document with an unknown key must not type-check: the directive fails the
        // build when the line below it has no error.
        let unknown: Vec<&Fixture> = case.invalid.iter().filter(|f| f.unknown_key()).collect();
        for (i, f) in unknown.iter().enumerate() {
            let ty = typescript::type_name(&f.type_name);
            module.push_str(&format!(
                "\n// {}\n// @ts-expect-error unknown key\nexport const invalid{i}: zos.{ty} = {};\n",
                rel(&f.path),
                f.value
            ));
        }
        write(&dir.join("fixtures.ts"), &module);
        run(Command::new("tsc")
            .args(["-p", "tsconfig.json"])
            .current_dir(&dir));
        eprintln!(
            "{}: TypeScript typed {} valid documents and refused {} with unknown keys",
            case.name,
            case.valid.len(),
            unknown.len()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
