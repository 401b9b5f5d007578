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
