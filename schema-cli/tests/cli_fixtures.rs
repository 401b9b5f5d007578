//! The shipped fixtures, `tests/fixtures/{valid,invalid}/<Type>.<name>.json`: each is
//! checked as the type its name gives (`--type`), with the clock rules on at the
//! instant the documents were written for (`--at 1600000000`, the generator's `NOW`).
//! Valid ones are valid; each invalid one is invalid with the code its name gives
//! (`ZdbWorkload.format.hex.json`: `format.hex`; what follows `--` is a variant), and
//! every format reports the same errors, each placed at a line and column.
//!
//! The stored reports of every format are snapshotted in `cli_validate` on this
//! crate's own documents; these checks hold whatever fixtures are added.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::zos_in;

const AT: &str = "1600000000";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// `dir`'s fixtures by type name: `(file name, expected code)`.
fn by_type(dir: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(fixtures().join(dir)) else {
        return out;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    for name in names {
        let stem = name.trim_end_matches(".json");
        let (ty, rest) = stem.split_once('.').unwrap_or((stem, ""));
        let code = rest.split("--").next().unwrap_or("").to_owned();
        out.entry(ty.to_owned()).or_default().push((name, code));
    }
    out
}

fn validate(dir: &str, ty: &str, files: &[(String, String)], format: &str) -> common::Run {
    let mut args = vec!["validate", "--type", ty, "--at", AT, "--format", format];
    let paths: Vec<String> = files.iter().map(|(n, _)| format!("{dir}/{n}")).collect();
    args.extend(paths.iter().map(String::as_str));
    zos_in(&fixtures(), &args, None)
}

#[test]
fn valid_fixtures_are_valid() {
    let groups = by_type("valid");
    if groups.is_empty() {
        eprintln!("note: no documents in tests/fixtures/valid yet; nothing to check");
        return;
    }
    for (ty, files) in &groups {
        let run = validate("valid", ty, files, "json");
        let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
        for doc in v["documents"].as_array().unwrap() {
            assert_eq!(doc["valid"], true, "{doc}");
            assert_eq!(doc["type"], ty.as_str());
        }
        assert_eq!(run.code, 0, "{ty}");
    }
}

#[test]
fn invalid_fixtures_are_invalid_with_their_code_and_every_error_is_placed() {
    let groups = by_type("invalid");
    if groups.is_empty() {
        eprintln!("note: no documents in tests/fixtures/invalid yet; nothing to check");
        return;
    }
    for (ty, files) in &groups {
        let run = validate("invalid", ty, files, "json");
        assert_eq!(run.code, 1, "{ty}");
        let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
        let docs = v["documents"].as_array().unwrap();
        assert_eq!(docs.len(), files.len());
        let mut errors = 0;
        for (doc, (name, code)) in docs.iter().zip(files) {
            assert_eq!(doc["valid"], false, "{doc}");
            let list = doc["errors"].as_array().unwrap();
            let codes: Vec<&str> = list.iter().filter_map(|e| e["code"].as_str()).collect();
            assert!(
                codes.contains(&code.as_str()),
                "{name}: expected {code}, got {codes:?}"
            );
            for e in list {
                assert!(e["line"].as_u64().is_some_and(|l| l >= 1), "{name}: {e}");
                assert!(e["column"].as_u64().is_some_and(|c| c >= 1), "{name}: {e}");
            }
            errors += list.len();
        }
        let github = validate("invalid", ty, files, "github");
        assert_eq!(github.code, 1);
        let annotations = github
            .stdout
            .lines()
            .filter(|l| l.starts_with("::error "))
            .count();
        assert_eq!(annotations, errors, "{ty}");
        let human = validate("invalid", ty, files, "human");
        assert_eq!(human.code, 1);
        let blocks = human
            .stdout
            .lines()
            .filter(|l| l.starts_with("error["))
            .count();
        assert_eq!(blocks, errors, "{ty}");
    }
}
