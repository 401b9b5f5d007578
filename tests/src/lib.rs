//! Shared helpers of the integration tests: the zoo of test types, a document generator
//! driven by our emitted JSON Schema, and the `jsonschema` crate set up the way the
//! project uses it.

pub mod agreement;
pub mod docgen;
pub mod format_reference;
pub mod zoo;

use schemas::formats::Format;
use serde_json::Value;

/// The formats the `jsonschema` crate does not know, which we register as custom
/// formats backed by our own checks. The others (`ipv4`, `ipv6`, `uri`, `hostname`,
/// `email`, `date-time`) are the crate's built-in checks.
pub const CUSTOM_FORMATS: &[Format] = &[Format::Ip, Format::Cidr, Format::Hex, Format::Base64];

/// A `jsonschema` validator for `schema`, with format checking on and our custom
/// formats registered.
pub fn jsonschema_validator(schema: &Value) -> jsonschema::Validator {
    let mut options = jsonschema::options().should_validate_formats(true);
    for f in CUSTOM_FORMATS {
        let f = *f;
        options = options.with_format(f.name(), move |s: &str| f.check(s));
    }
    match options.build(schema) {
        Ok(v) => v,
        Err(e) => panic!("our schema does not compile: {e}\n{schema:#}"),
    }
}

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> std::path::PathBuf {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// Whether the tests run in CI (`CI=true`), where nothing may be skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// `../shared/fixtures/original` (the original system's descriptions and documents),
/// or `None`, with a printed reason, when it is absent; in CI it must be there.
pub fn original_fixtures() -> Option<std::path::PathBuf> {
    let dir = workspace_root().join("../shared/fixtures/original");
    if dir.is_dir() {
        return Some(dir);
    }
    if in_ci() {
        panic!("{} is absent, and CI=true requires it", dir.display());
    }
    eprintln!(
        "skipped: {} is absent (the original system's files are not shipped with the repository)",
        dir.display()
    );
    None
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
