//! The fast path (see `schema_cli::fast`) takes every valid document and no invalid
//! one, and gives the type the full path gives: on this crate's documents and on the
//! shipped fixtures.

use std::path::{Path, PathBuf};

use schema_cli::{Catalog, Checker, Status};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|e| e == "json"));
    out.sort();
    out
}

fn agree(checker: &Checker<'_>, path: &Path) -> Status {
    let bytes = std::fs::read(path).unwrap();
    let full = checker.check_full(&path.display().to_string(), &bytes, 1);
    let fast = checker.fast_valid(&bytes);
    match full.status {
        Status::Valid => {
            let i = fast
                .unwrap_or_else(|| panic!("{}: valid, but not by the fast path", path.display()));
            assert_eq!(checker.type_name(i), full.type_name, "{}", path.display());
        }
        _ => assert_eq!(fast, None, "{}: {:?}", path.display(), full.errors),
    }
    full.status
}

#[test]
fn stored_documents() {
    let catalog = Catalog::zos();
    let checker = Checker::new(&catalog, schemas::Options::new(), None, false);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for p in files(&data.join("valid")) {
        assert_eq!(agree(&checker, &p), Status::Valid);
    }
    for p in files(&data.join("invalid")) {
        assert_eq!(agree(&checker, &p), Status::Invalid);
    }
}

#[test]
fn shipped_fixtures_checked_as_the_type_their_name_gives() {
    let catalog = Catalog::zos();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    for (dir, want) in [("valid", Status::Valid), ("invalid", Status::Invalid)] {
        for p in files(&root.join(dir)) {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let ty = name.split('.').next().unwrap();
            let options = schemas::Options::new().at(1_600_000_000);
            let checker = Checker::new(&catalog, options, Some(ty), false);
            assert_eq!(agree(&checker, &p), want, "{name}");
            // Detected rather than named, the verdicts still agree.
            let detecting = Checker::new(&catalog, options, None, false);
            agree(&detecting, &p);
        }
    }
}

/// Every valid whole document of the fixtures and of the generator.
fn valid_documents() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/valid");
    let mut out: Vec<(String, Vec<u8>)> = files(&root)
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    for seed in 0..200 {
        let g = schemas::zos::generator::document(seed, false);
        out.push((format!("generated {seed}"), g.doc.to_string().into_bytes()));
    }
    out
}

/// The guess the fast path starts from is right for the documents clients write, and
/// the top level the decoder records is the one a scan finds.
#[test]
fn the_guess_holds_for_whole_documents() {
    let catalog = Catalog::zos();
    let options = schemas::Options::new().at(1_600_000_000);
    let mut guessed = 0;
    for (name, bytes) in valid_documents() {
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let Some(detected) = catalog.detect(&value) else {
            continue;
        };
        // A reservation or a workload document (`Workload` is the explorer's queue item).
        let n = detected.name();
        let whole = n == "Reservation" || (n.ends_with("Workload") && n != "Workload");
        let Some(guess) = catalog.guess(&bytes) else {
            assert!(!whole, "{name}: no guess for a {}", detected.name());
            continue;
        };
        let Some(top) = guess.valid_bytes_top(&bytes, &options) else {
            assert!(!whole, "{name}: guessed {}, not valid as it", guess.name());
            continue;
        };
        assert_eq!(guess.name(), detected.name(), "{name}");
        guessed += 1;
        // The recorded top level is the scanned one, but for long strings, which both
        // keep empty (the scan measures them encoded, the decoder decoded).
        let scanned = schema_cli::fast::skeleton(&bytes).unwrap();
        let scanned = scanned.as_object().unwrap();
        assert!(top.keys().eq(scanned.keys()), "{name}");
        for (k, v) in &top {
            let long = |v: &serde_json::Value| v.as_str().is_some_and(|s| s.len() > 200);
            let s = &scanned[k];
            assert!(
                v == s || (s == "" && long(&value[k])),
                "{name}: /{k} recorded {v}, scanned {s}"
            );
        }
    }
    assert!(guessed >= 200, "only {guessed} documents took the guess");
}

/// A wrong guess (a key found where it is a value, or nested) costs time, never a
/// verdict: documents built to mislead the search get the full path's verdict.
#[test]
fn a_misleading_key_does_not_change_a_verdict() {
    use serde_json::{json, Value};
    let catalog = Catalog::zos();
    let checker = Checker::new(
        &catalog,
        schemas::Options::new().at(1_600_000_000),
        None,
        false,
    );
    let mut checked = 0;
    for (_, bytes) in valid_documents() {
        let Ok(Value::Object(doc)) = serde_json::from_slice::<Value>(&bytes) else {
            continue;
        };
        let mut variants: Vec<serde_json::Map<String, Value>> = Vec::new();
        for decoy in ["data_reservation", "workload_type"] {
            if doc.get("metadata").is_some_and(Value::is_string) {
                let mut d = doc.clone();
                d.insert("metadata".into(), json!(decoy));
                variants.push(d);
            }
        }
        // A nested `workload_type` (of the zero kind, another, or the document's own)
        // before the real one, with and without the real one.
        let own = doc.get("workload_type").cloned().unwrap_or(json!(1));
        for kind in [json!(0), json!(1), own] {
            let mut result = doc.get("result").cloned().unwrap_or(json!({}));
            if let Some(r) = result.as_object_mut() {
                r.insert("data_json".into(), json!({"workload_type": kind}));
            }
            let mut nested = serde_json::Map::new();
            nested.insert("result".into(), result);
            nested.extend(doc.clone().into_iter().filter(|(k, _)| k != "result"));
            variants.push(nested.clone());
            nested.remove("workload_type");
            variants.push(nested);
        }
        let mut without = doc.clone();
        without.remove("workload_type");
        variants.push(without);
        let mut reservation_key = doc.clone();
        reservation_key.insert("data_reservation".into(), json!({}));
        variants.push(reservation_key);
        for v in variants {
            let text = Value::Object(v).to_string();
            // Asserts that the fast path agrees with the full one.
            schema_cli::check_and_render(&checker, text.as_bytes());
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked}");
}
