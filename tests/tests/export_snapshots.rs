//! The exported TypeScript, Go and Python, pinned with insta: for the whole 0-OS
//! registry and for the hand-written sample bundle (`tests/export/sample_bundle.json`),
//! plus the options, determinism and the errors of constructs that cannot be exported.

#[path = "../export/support.rs"]
mod support;

use schemas::export::{export, ExportError, ExportOptions, Lang};
use serde_json::json;
use support::{exported, registry_bundle, sample_bundle};

#[test]
fn zos_typescript() {
    insta::assert_snapshot!("zos_ts", exported(Lang::TypeScript, &registry_bundle()));
}

#[test]
fn zos_go() {
    insta::assert_snapshot!("zos_go", exported(Lang::Go, &registry_bundle()));
}

#[test]
fn zos_python() {
    insta::assert_snapshot!("zos_py", exported(Lang::Python, &registry_bundle()));
}

#[test]
fn sample_typescript() {
    insta::assert_snapshot!("sample_ts", exported(Lang::TypeScript, &sample_bundle()));
}

#[test]
fn sample_go() {
    insta::assert_snapshot!("sample_go", exported(Lang::Go, &sample_bundle()));
}

#[test]
fn sample_python() {
    insta::assert_snapshot!("sample_py", exported(Lang::Python, &sample_bundle()));
}

#[test]
fn output_is_deterministic() {
    for bundle in [registry_bundle(), sample_bundle()] {
        for lang in Lang::ALL {
            let first = exported(*lang, &bundle);
            for _ in 0..3 {
                assert_eq!(exported(*lang, &bundle), first, "{lang}");
            }
        }
    }
}

#[test]
fn package_names_the_file_and_the_go_package() {
    let opts = ExportOptions {
        package: "grid".into(),
    };
    let bundle = sample_bundle();
    for (lang, path) in [
        (Lang::TypeScript, "grid.ts"),
        (Lang::Go, "grid.go"),
        (Lang::Python, "grid.py"),
    ] {
        let files = export(lang, &bundle, &opts).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].path, path);
        if lang == Lang::Go {
            assert!(files[0].contents.contains("\npackage grid\n"));
        }
    }
    assert_eq!(ExportOptions::default().package, "zos");
}

#[test]
fn bad_package_is_refused() {
    for bad in ["", "Zos", "my-pkg", "1zos", "zos.v2", "_"] {
        let opts = ExportOptions {
            package: bad.into(),
        };
        let err = export(Lang::Go, &sample_bundle(), &opts).expect_err(bad);
        assert!(
            matches!(
                err,
                ExportError::InvalidOption {
                    option: "package",
                    ..
                }
            ),
            "{bad}: {err:?}"
        );
    }
}

#[test]
fn lang_names() {
    for lang in Lang::ALL {
        assert_eq!(lang.name().parse::<Lang>(), Ok(*lang));
        assert_eq!(lang.to_string(), lang.name());
    }
    assert_eq!("ts".parse::<Lang>(), Ok(Lang::TypeScript));
    assert_eq!("Python".parse::<Lang>(), Ok(Lang::Python));
    let err = "rust".parse::<Lang>().expect_err("rust is not a target");
    assert!(err.to_string().contains("typescript"), "{err}");
}

/// Each construct that has no faithful form gives an error naming the `$defs` entry and
/// the JSON Pointer of the construct.
#[test]
fn unsupported_constructs_are_errors() {
    let cases = [
        (
            json!({ "type": "object", "properties": { "n": { "type": "integer", "multipleOf": 2 } } }),
            "/$defs/Bad/properties/n/multipleOf",
        ),
        (
            json!({ "type": "object", "properties": { "inner": { "type": "object", "properties": {} } } }),
            "/$defs/Bad/properties/inner",
        ),
        (
            json!({ "type": "object", "properties": { "r": { "$ref": "#/$defs/Missing" } } }),
            "/$defs/Bad/properties/r/$ref",
        ),
        (
            json!({ "type": "object", "properties": {}, "additionalProperties": { "type": "string" } }),
            "/$defs/Bad/additionalProperties",
        ),
        (
            json!({ "type": "object", "properties": { "x": { "type": ["string", "integer"] } } }),
            "/$defs/Bad/properties/x/type",
        ),
        (
            json!({ "type": "integer", "oneOf": [{ "const": 1, "title": "one" }, { "const": "two", "title": "two" }] }),
            "/$defs/Bad/oneOf",
        ),
    ];
    for (schema, pointer) in cases {
        let bundle = json!({ "title": "t", "$defs": { "Bad": schema } });
        for lang in Lang::ALL {
            match export(*lang, &bundle, &ExportOptions::default()) {
                Err(ExportError::Unsupported {
                    def, pointer: p, ..
                }) => {
                    assert_eq!(def, "Bad");
                    assert_eq!(p, pointer, "{lang}");
                }
                other => panic!("{lang} {pointer}: expected an error, got {other:?}"),
            }
        }
    }
}

/// A data enum (a union of types) has a TypeScript and a Python form but no Go one.
#[test]
fn unions_are_go_errors() {
    let bundle = json!({ "title": "t", "$defs": {
        "A": { "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": false },
        "B": { "type": "object", "properties": { "b": { "type": "string" } }, "additionalProperties": false },
        "AOrB": { "oneOf": [{ "$ref": "#/$defs/A" }, { "$ref": "#/$defs/B" }] }
    }});
    let ts = exported(Lang::TypeScript, &bundle);
    assert!(ts.contains("export type AOrB = A | B;"), "{ts}");
    let py = exported(Lang::Python, &bundle);
    assert!(py.contains("AOrB = A | B"), "{py}");
    let err = export(Lang::Go, &bundle, &ExportOptions::default()).expect_err("no Go union");
    assert!(err.to_string().contains("`AOrB`"), "{err}");
    assert!(err.to_string().contains("/$defs/AOrB"), "{err}");
}

#[test]
fn not_a_bundle() {
    for bad in [json!([]), json!({ "$defs": [] })] {
        let err = export(Lang::Go, &bad, &ExportOptions::default()).expect_err("not a bundle");
        assert!(matches!(err, ExportError::InvalidBundle(_)), "{err:?}");
    }
}
