//! Shared by the `export_*` tests: bundles, fixtures, the toolchains and their work
//! folders, and the comparison of re-encoded documents.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use schemas::export::{export, ExportOptions, Lang};
use schemas::SchemaGenerator;
use serde_json::Value;

/// The folder of the harness files (`tests/export`).
pub fn harness_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("export")
}

/// The hand-written sample bundle (every construct the exporters handle).
pub fn sample_bundle() -> Value {
    read_json(&harness_dir().join("sample_bundle.json"))
}

/// The bundle of every registered 0-OS type, as `zos-schema schema --all` makes it.
pub fn registry_bundle() -> Value {
    let mut g = SchemaGenerator::new();
    for t in schemas::zos::registry() {
        t.add_to(&mut g);
    }
    g.bundle("zos")
}

pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The one file `lang` exports from `bundle`, with the default options.
pub fn exported(lang: Lang, bundle: &Value) -> String {
    let files = export(lang, bundle, &ExportOptions::default())
        .unwrap_or_else(|e| panic!("export {lang}: {e}"));
    assert_eq!(files.len(), 1, "one file per language");
    files
        .into_iter()
        .next()
        .map(|f| f.contents)
        .unwrap_or_default()
}

/// A new empty folder under the system's temp dir (not in the repository).
pub fn workdir(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!(
        "zos-export-{name}-{}-{nanos}-{n}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("mkdir {}: {e}", dir.display()));
    dir
}

pub fn write(path: &Path, contents: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|e| panic!("mkdir {}: {e}", parent.display()));
    }
    std::fs::write(path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// Whether the tests run in CI (`CI=true`), where every toolchain must be present.
pub fn in_ci() -> bool {
    zos_schema_tests::in_ci()
}

/// Whether `program` runs (`program args...` exits 0). When it does not: in CI the test
/// fails, elsewhere it prints why and the caller skips.
pub fn tool(program: &str, version_args: &[&str], install: &str) -> bool {
    let ok = Command::new(program)
        .args(version_args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        let why = format!("`{program}` is not available (install it with: {install})");
        if in_ci() {
            panic!("{why}; it is required when CI=true");
        }
        eprintln!("skipping: {why}");
    }
    ok
}

/// `python3` with pydantic v2.
pub fn python() -> bool {
    tool("python3", &["--version"], "apt-get install python3")
        && tool(
            "python3",
            &[
                "-c",
                "import pydantic, sys; sys.exit(pydantic.VERSION < '2.11')",
            ],
            "pip install 'pydantic>=2.11'",
        )
}

pub fn go() -> bool {
    let empty = workdir("gofmt-probe");
    let empty_dir = empty.to_string_lossy().into_owned();
    let ok = tool("go", &["version"], "apt-get install golang-go")
        && tool("gofmt", &["-l", &empty_dir], "apt-get install golang-go");
    let _ = std::fs::remove_dir_all(&empty);
    ok
}

pub fn tsc() -> bool {
    tool("tsc", &["--version"], "npm install -g typescript")
}

/// Runs `cmd` and returns its output; panics with everything it printed when it fails.
pub fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    if !out.status.success() {
        panic!(
            "{cmd:?} failed ({})\n--- stdout\n{}\n--- stderr\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    out
}

/// A Go command with its caches under `dir` (no network, no module proxy needed).
pub fn go_cmd(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("go");
    cmd.args(args)
        .current_dir(dir)
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GO111MODULE", "on");
    if std::env::var_os("GOCACHE").is_none() && std::env::var_os("HOME").is_none() {
        cmd.env("GOCACHE", dir.join(".gocache"));
    }
    cmd
}

/// One document of a fixture folder, with the registered type it is checked as.
#[derive(Debug, Clone)]
pub struct Fixture {
    pub path: PathBuf,
    pub type_name: String,
    pub value: Value,
    /// Whether it is in a `valid` folder.
    pub valid: bool,
    /// Why the Rust decoder rejects it (unknown key, wrong JSON type, bad enum value,
    /// missing required key), if it does: the Python models must reject it too.
    pub rust_error: Option<String>,
}

impl Fixture {
    /// Whether the Rust decoder rejects it for an unknown key (which TypeScript's excess
    /// property checks and Go's `DisallowUnknownFields` catch as well).
    pub fn unknown_key(&self) -> bool {
        self.rust_error
            .as_deref()
            .is_some_and(|e| e.starts_with("unknown field"))
    }
}

/// The JSON files of `dir`, sorted by name.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// The sample fixtures (`tests/export/sample_fixtures/{valid,invalid}/Type.label.json`):
/// the type is the file name's first part; every invalid one is structurally invalid,
/// with an unknown key when its label says `unknown_key`.
pub fn sample_fixtures(valid: bool) -> Vec<Fixture> {
    let dir = harness_dir()
        .join("sample_fixtures")
        .join(if valid { "valid" } else { "invalid" });
    json_files(&dir)
        .into_iter()
        .map(|path| {
            let stem = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let type_name = stem.split('.').next().unwrap_or("").to_string();
            let rust_error = match (valid, stem.contains("unknown_key")) {
                (true, _) => None,
                (false, true) => Some("unknown field".to_string()),
                (false, false) => Some("invalid".to_string()),
            };
            Fixture {
                value: read_json(&path),
                path,
                type_name,
                valid,
                rust_error,
            }
        })
        .collect()
}

/// The project's fixtures (`tests/fixtures/{valid,invalid}/*.json`), typed by
/// `schemas::zos::detect`, else by the registered type their file name starts with
/// (`ResultCategory.zdb.json` holds a bare integer); any other document is left out.
pub fn zos_fixtures(valid: bool) -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(if valid { "valid" } else { "invalid" });
    let mut out = Vec::new();
    for path in json_files(&dir) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let prefix = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.split('.').next())
            .unwrap_or("");
        let Some(info) = schemas::zos::detect(&value).or_else(|| schemas::zos::find(prefix)) else {
            continue;
        };
        let rust_error = info.round_trip(&value).err();
        out.push(Fixture {
            path,
            type_name: info.name().to_string(),
            value,
            valid,
            rust_error,
        });
    }
    out
}

/// The real documents of the original system (`../shared/fixtures/original/examples`,
/// typed by `schemas::zos::detect`); empty, with a printed reason, when the folder is
/// absent, except when `CI=true`, where it must be there.
pub fn original_examples() -> Vec<Fixture> {
    let Some(dir) = zos_schema_tests::original_fixtures().map(|d| d.join("examples")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for path in json_files(&dir) {
        let value = read_json(&path);
        let info = schemas::zos::detect(&value)
            .unwrap_or_else(|| panic!("{}: no type detected", path.display()));
        out.push(Fixture {
            rust_error: info.round_trip(&value).err(),
            type_name: info.name().to_string(),
            path,
            value,
            valid: true,
        });
    }
    out
}

/// Checks that `output` (a document decoded and re-encoded by another language) equals
/// `input`, apart from keys `input` leaves out (they come back with their zero value).
/// Numbers compare by value (`1` equals `1.0`).
pub fn same_json(input: &Value, output: &Value, pointer: &str) -> Result<(), String> {
    match (input, output) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let p = format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1"));
                match b.get(k) {
                    Some(w) => same_json(v, w, &p)?,
                    None => return Err(format!("{p}: missing from the output")),
                }
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Err(format!("{pointer}: {} items became {}", a.len(), b.len()));
            }
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                same_json(v, w, &format!("{pointer}/{i}"))?;
            }
            Ok(())
        }
        (Value::Number(a), Value::Number(b)) => {
            let equal = match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => a.as_f64() == b.as_f64(),
            };
            if equal {
                Ok(())
            } else {
                Err(format!("{pointer}: {a} became {b}"))
            }
        }
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{pointer}: {a} became {b}")),
    }
}
