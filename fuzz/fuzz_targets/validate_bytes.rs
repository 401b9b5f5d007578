//! Any bytes -> a report, as `zos-schema validate` makes it: parse, detect the type (or
//! force one, chosen by a leading byte >= 0x80, which no JSON document starts with),
//! decode and validate, list the structural errors with the `jsonschema` crate, place
//! every error at a line and column, and render it in every output format.
//!
//! Never a panic; and the report is consistent: valid exactly when it has no error,
//! every error placed at a line and column >= 1, the JSON output one JSON document.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use schema_cli::{Catalog, Checker};

static CATALOG: LazyLock<Catalog> = LazyLock::new(Catalog::zos);

/// One checker that detects the type, then one per registered type.
static CHECKERS: LazyLock<Vec<Checker<'static>>> = LazyLock::new(|| {
    let catalog: &'static Catalog = &CATALOG;
    let mut checkers = vec![Checker::new(catalog, schemas::Options::new(), None, true)];
    for t in catalog.types() {
        checkers.push(Checker::new(
            catalog,
            schemas::Options::new().at(1_600_000_000),
            Some(t.name()),
            true,
        ));
    }
    checkers
});

fuzz_target!(|data: &[u8]| {
    let checkers = &*CHECKERS;
    let (checker, bytes) = match data.split_first() {
        Some((b, rest)) if *b >= 0x80 => (
            &checkers[1 + usize::from(*b - 0x80) % (checkers.len() - 1)],
            rest,
        ),
        _ => (&checkers[0], data),
    };
    // Asserts the report's invariants itself (see its documentation).
    let _ = schema_cli::check_and_render(checker, bytes);
});
