//! `zos-schema validate`: every output format on the stored documents, standard input,
//! JSON lines, type selection, the clock rules and the exit codes.

mod common;

use common::{zos, zos_stdin};
use insta::assert_snapshot;

#[test]
fn human_report_of_valid_and_invalid_documents() {
    let run = zos(&["validate", "valid", "invalid"]);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
}

#[test]
fn json_report_follows_the_contract() {
    let run = zos(&["validate", "--format", "json", "valid", "invalid"]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["documents", "summary"]);
    for doc in v["documents"].as_array().unwrap() {
        let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["path", "type", "valid", "errors"]);
        for e in doc["errors"].as_array().unwrap() {
            let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["pointer", "line", "column", "code", "message"]);
        }
    }
    assert_eq!(
        v["summary"],
        serde_json::json!({"documents": 9, "valid": 4, "invalid": 5, "unreadable": 0})
    );
    assert_snapshot!(run.transcript());
}

#[test]
fn github_annotations() {
    let run = zos(&["validate", "--format", "github", "valid", "invalid"]);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
}

#[test]
fn colours_only_when_asked_or_on_a_terminal() {
    let plain = zos(&["validate", "invalid/rules.json"]);
    assert!(!plain.stdout.contains('\x1b'));
    let run = zos(&["validate", "--color", "always", "invalid/rules.json"]);
    assert_snapshot!(run.transcript());
}

#[test]
fn all_valid_exits_zero() {
    let run = zos(&["validate", "valid"]);
    assert_eq!(run.code, 0);
    assert_snapshot!(run.transcript());
}

#[test]
fn standard_input() {
    let doc = std::fs::read(common::data().join("invalid/rules.json")).unwrap();
    let run = zos_stdin(&["validate", "-"], &doc);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
}

#[test]
fn type_given_on_the_command_line() {
    let doc = std::fs::read(common::data().join("valid/container.json")).unwrap();
    let run = zos_stdin(
        &["validate", "--type", "ZdbWorkload", "--format", "json", "-"],
        &doc,
    );
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
}

#[test]
fn unknown_type_is_a_usage_error() {
    let run = zos(&["validate", "--type", "Nope", "valid"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(run.transcript());
}

#[test]
fn json_lines_from_a_file_and_from_stdin() {
    let run = zos(&["validate", "--json-lines", "stream/workloads.jsonl"]);
    assert_eq!(run.code, 1);
    assert_snapshot!("json_lines_human", run.transcript());
    let text = std::fs::read(common::data().join("stream/workloads.jsonl")).unwrap();
    let run = zos_stdin(
        &["validate", "--json-lines", "--format", "json", "-"],
        &text,
    );
    assert_eq!(run.code, 1);
    assert_snapshot!("json_lines_json", run.transcript());
}

#[test]
fn clock_rules_run_only_when_asked() {
    let run = zos(&["validate", "valid/reservation.json"]);
    assert_eq!(run.code, 0);
    // Long after every generated reservation expired.
    let run = zos(&["validate", "--at", "4000000000", "valid/reservation.json"]);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
    let now = zos(&["validate", "--now", "valid/reservation.json"]);
    assert_eq!(now.code, 1, "{}", now.stdout);
}

#[test]
fn missing_file_is_reported_and_the_others_checked() {
    let run = zos(&[
        "validate",
        "valid/zdb.json",
        "missing.json",
        "invalid/syntax.json",
    ]);
    assert_eq!(run.code, 2);
    assert_snapshot!(run.transcript());
}

#[test]
fn usage_errors() {
    for (name, args) in [
        ("no_path", &["validate"][..]),
        ("jobs_zero", &["validate", "--jobs", "0", "valid"]),
        ("now_and_at", &["validate", "--now", "--at", "5", "valid"]),
        ("bad_format", &["validate", "--format", "xml", "valid"]),
    ] {
        let run = zos(args);
        assert_eq!(run.code, 2, "{name}");
        assert_snapshot!(format!("usage_{name}"), run.transcript());
    }
}

#[test]
fn output_does_not_depend_on_the_number_of_jobs() {
    for format in ["human", "json", "github"] {
        let one = zos(&[
            "validate", "--jobs", "1", "--format", format, "valid", "invalid",
        ]);
        let four = zos(&[
            "validate", "--jobs", "4", "--format", format, "valid", "invalid",
        ]);
        assert_eq!(one.stdout, four.stdout, "{format}");
        assert_eq!(one.code, four.code);
    }
}

#[test]
fn secrets_are_never_printed() {
    let secrets = [
        "SECRET-VALUE",
        "12345",
        // The (valid) sealed boxes of the stored documents.
        "74b48ea1cc9cc7f4dafe3c862b93bd9598dc2e45227aa16f97c5481cbf1b8e49066e5d9986fc6f88",
        // The password under a misspelt key.
        "a5c2e38f190c8e0241fa096023e574b48ea1cc9cc7f4dafe3c862b93bd9598dc2e45227aa16f97c5481",
    ];
    for format in ["human", "json", "github"] {
        for path in [
            "invalid/rules.json",
            "invalid/decode.json",
            "invalid",
            "valid",
        ] {
            let run = zos(&["validate", "--color", "always", "--format", format, path]);
            for s in secrets {
                assert!(
                    !run.stdout.contains(s),
                    "{format} {path}: {s}\n{}",
                    run.stdout
                );
                assert!(!run.stderr.contains(s), "{format} {path}: {s}");
            }
        }
    }
}
