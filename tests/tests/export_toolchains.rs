//! Each exported file checked by its own language's tools: `tsc --strict --noEmit`,
//! `gofmt -l` (must list nothing) and `go vet`, and Python importing the models with
//! warnings as errors. A missing tool skips the test with a printed reason, except when
//! `CI=true`, where it fails.

#[path = "../export/support.rs"]
mod support;

use std::process::Command;

use schemas::export::Lang;
use serde_json::Value;
use support::{exported, registry_bundle, run, sample_bundle, workdir, write};

fn bundles() -> [(&'static str, Value); 2] {
    [("zos", registry_bundle()), ("sample", sample_bundle())]
}

#[test]
fn typescript_passes_tsc_strict() {
    if !support::tsc() {
        return;
    }
    for (name, bundle) in bundles() {
        let dir = workdir(&format!("tsc-{name}"));
        write(&dir.join("zos.ts"), &exported(Lang::TypeScript, &bundle));
        run(Command::new("tsc")
            .args(["--strict", "--noEmit", "--target", "es2020", "zos.ts"])
            .current_dir(&dir));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn go_is_gofmt_clean_and_vets() {
    if !support::go() {
        return;
    }
    for (name, bundle) in bundles() {
        let dir = workdir(&format!("go-{name}"));
        write(&dir.join("go.mod"), "module zosexport\n\ngo 1.18\n");
        write(&dir.join("zos/zos.go"), &exported(Lang::Go, &bundle));
        let listed = run(Command::new("gofmt").args(["-l", "zos"]).current_dir(&dir));
        if !listed.stdout.is_empty() {
            let diff = Command::new("gofmt")
                .args(["-d", "zos"])
                .current_dir(&dir)
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
                .unwrap_or_default();
            panic!("{name}: gofmt would reformat the Go output:\n{diff}");
        }
        run(&mut support::go_cmd(&dir, &["vet", "./..."]));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn python_imports_the_models() {
    if !support::python() {
        return;
    }
    for (name, bundle) in bundles() {
        let dir = workdir(&format!("py-{name}"));
        write(&dir.join("zos.py"), &exported(Lang::Python, &bundle));
        // Every model builds (pydantic resolves all annotations) and every enum has
        // its members; any warning (a shadowed attribute, ...) is an error.
        let script = r#"
import enum, sys
import pydantic
import zos
models = [v for v in vars(zos).values()
          if isinstance(v, type) and issubclass(v, pydantic.BaseModel) and v.__module__ == "zos"]
enums = [v for v in vars(zos).values()
         if isinstance(v, type) and issubclass(v, enum.Enum) and v.__module__ == "zos" and len(v)]
for m in models:
    m.model_rebuild(force=True)
    m.model_json_schema()
print(len(models), len(enums))
"#;
        let out = run(Command::new("python3")
            .args(["-W", "error", "-c", script])
            .current_dir(&dir));
        let counts = String::from_utf8_lossy(&out.stdout);
        let mut it = counts
            .split_whitespace()
            .map(|n| n.parse::<usize>().unwrap_or(0));
        let (models, enums) = (it.next().unwrap_or(0), it.next().unwrap_or(0));
        assert!(
            models > 0 && enums > 0,
            "{name}: {models} models, {enums} enums"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
