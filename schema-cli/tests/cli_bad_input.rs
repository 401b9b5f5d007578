//! Inputs that are not good documents, or not readable at all: each gets a clear
//! verdict of its own, the run never panics, and nothing is skipped silently.
//!
//! The tests run as root, where `chmod 000` does not stop a read; unreadable inputs are
//! made otherwise: a dangling symbolic link, a FIFO found in a folder (reported, not
//! opened, so the run cannot hang on it), and `/proc/self/mem`, a path that opens but
//! whose first read fails with an I/O error.

mod common;

use std::path::Path;

use common::zos_in;
use insta::assert_snapshot;

fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn validate(dir: &Path, args: &[&str]) -> common::Run {
    let mut all = vec!["validate"];
    all.extend_from_slice(args);
    zos_in(dir, &all, None)
}

#[test]
fn malformed_json() {
    let dir = dir_with(&[
        ("a-trailing-comma.json", b"{\"workload_id\": 1,}"),
        ("b-two-values.json", b"{} {}"),
        ("c-bom.json", b"\xef\xbb\xbf{\"workload_id\": 1}"),
        (
            "d-truncated.json",
            b"{\n  \"workload_id\": 1,\n  \"node_id\": \"ab",
        ),
        ("e-not-json.json", b"workload_id = 1\n"),
    ]);
    let run = validate(dir.path(), &["."]);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
}

#[test]
fn empty_files() {
    let dir = dir_with(&[("empty.json", b""), ("blank.json", b"\n  \n\t\n")]);
    let run = validate(
        dir.path(),
        &["empty.json", "blank.json", "--format", "json"],
    );
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
}

#[test]
fn invalid_utf8() {
    let dir = dir_with(&[
        ("in-a-string.json", b"{\n  \"description\": \"caf\xe9\"\n}"),
        ("outside.json", b"\xff\xfe{}"),
        ("in-a-key.json", b"{\"\xc3\": 1}"),
    ]);
    let run = validate(dir.path(), &["."]);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
}

#[test]
fn nesting_100_000_deep() {
    let n = 100_000;
    let mut arrays = "[".repeat(n).into_bytes();
    arrays.extend("]".repeat(n).into_bytes());
    let mut objects = "{\"a\":".repeat(n).into_bytes();
    objects.extend(b"1");
    objects.extend("}".repeat(n).into_bytes());
    let unclosed = "[".repeat(n).into_bytes();
    let dir = dir_with(&[
        ("arrays.json", &arrays),
        ("objects.json", &objects),
        ("unclosed.json", &unclosed),
    ]);
    let run = validate(dir.path(), &["--format", "json", "."]);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
    // The same through standard input, one document per line.
    let mut lines = arrays.clone();
    lines.push(b'\n');
    lines.extend(&objects);
    let run = zos_in(
        dir.path(),
        &["validate", "--json-lines", "--format", "github", "-"],
        Some(&lines),
    );
    assert_eq!(run.code, 1);
    assert_snapshot!("nesting_100_000_deep_json_lines", run.transcript());
}

/// The stored valid 0-db workload with one line replaced.
fn zdb_with(from: &str, to: &str) -> Vec<u8> {
    let text = std::fs::read_to_string(common::data().join("valid/zdb.json")).unwrap();
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1).into_bytes()
}

#[test]
fn numbers_beyond_i64_u64_f64() {
    let dir = dir_with(&[
        (
            "a-beyond-u64.json",
            &zdb_with("\"size\": 563", "\"size\": 18446744073709551616"),
        ),
        (
            "b-beyond-i64.json",
            &zdb_with(
                "\"workload_id\": 9",
                "\"workload_id\": -9223372036854775809",
            ),
        ),
        (
            "c-beyond-f64.json",
            &zdb_with("\"size\": 563", "\"size\": 1e400"),
        ),
        (
            "d-huge-integer.json",
            &zdb_with("\"size\": 563", &format!("\"size\": {}", "9".repeat(400))),
        ),
        (
            "e-fraction.json",
            &zdb_with("\"size\": 563", "\"size\": 10.5"),
        ),
        (
            "f-negative-size.json",
            &zdb_with("\"size\": 563", "\"size\": -1"),
        ),
    ]);
    let run = validate(dir.path(), &["."]);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
}

#[test]
fn duplicate_keys() {
    let doc = zdb_with("\"size\": 563,", "\"size\": 563,\n  \"size\": 20,");
    let doc = String::from_utf8(doc).unwrap().replacen(
        "\"addr\": \"185.69.160.36\",",
        "\"addr\": \"185.69.160.36\", \"addr\": \"10.0.0.2\",",
        1,
    );
    let dir = dir_with(&[("dup.json", doc.as_bytes())]);
    let run = validate(dir.path(), &["dup.json"]);
    assert_eq!(run.code, 1);
    assert_snapshot!(run.transcript());
}

#[cfg(unix)]
#[test]
fn folder_with_a_symlink_loop() {
    let data = common::data();
    let zdb = std::fs::read(data.join("valid/zdb.json")).unwrap();
    let dir = dir_with(&[("docs/zdb.json", &zdb), ("docs/sub/zdb.json", &zdb)]);
    std::os::unix::fs::symlink("..", dir.path().join("docs/sub/loop")).unwrap();
    std::os::unix::fs::symlink("sub", dir.path().join("docs/alias")).unwrap();
    let run = validate(dir.path(), &["docs"]);
    // The loop is reported (exit 2), every document is still checked, the folder
    // reached twice through `alias` is checked under both names.
    assert_eq!(run.code, 2);
    assert_snapshot!(run.transcript());
}

#[cfg(unix)]
#[test]
fn unreadable_inputs() {
    let data = common::data();
    let zdb = std::fs::read(data.join("valid/zdb.json")).unwrap();
    let dir = dir_with(&[("docs/a.json", &zdb), ("docs/z.json", &zdb)]);
    std::os::unix::fs::symlink("nowhere.json", dir.path().join("docs/dangling.json")).unwrap();
    let fifo = dir.path().join("docs/pipe.json");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let run = validate(dir.path(), &["docs", "missing.json", "/proc/self/mem"]);
    assert_eq!(run.code, 2);
    assert_snapshot!(run.transcript());
    let run = validate(dir.path(), &["--format", "json", "docs"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        v["summary"],
        serde_json::json!({"documents": 4, "valid": 2, "invalid": 0, "unreadable": 2})
    );
}

#[test]
fn an_empty_folder_is_a_warning() {
    let dir = dir_with(&[("notes.txt", b"hello")]);
    let run = validate(dir.path(), &["."]);
    assert_eq!(run.code, 0);
    assert_snapshot!(run.transcript());
}

/// The peak resident memory of a running process, in KiB (`VmHWM`).
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
#[ignore = "streams 1 GiB through the binary (a minute or more); CI runs it with --ignored"]
fn one_gigabyte_of_json_lines_in_bounded_memory() {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};

    let text = std::fs::read_to_string(common::data().join("valid/container.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let valid = format!("{}\n", serde_json::to_string(&doc).unwrap());
    let mut bad = doc.clone();
    bad["capacity"]["cpu"] = 0.into();
    let invalid = format!("{}\n", serde_json::to_string(&bad).unwrap());
    const GIB: u64 = 1 << 30;
    const EVERY: u64 = 1000;

    let started = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_zos-schema"))
        .args(["validate", "--json-lines", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let (mut bytes, mut lines, mut invalid_lines) = (0u64, 0u64, 0u64);
        let mut chunk = String::new();
        while bytes < GIB {
            chunk.clear();
            for _ in 0..EVERY - 1 {
                chunk.push_str(&valid);
            }
            chunk.push_str(&invalid);
            stdin.write_all(chunk.as_bytes()).unwrap();
            bytes += chunk.len() as u64;
            lines += EVERY;
            invalid_lines += 1;
        }
        (bytes, lines, invalid_lines)
    });
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).unwrap();
        out
    });
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        if let Some(kib) = peak_rss_kib(pid) {
            peak = peak.max(kib);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let status = child.wait().unwrap();
    let (bytes, lines, invalid_lines) = writer.join().unwrap();
    let out = reader.join().unwrap();
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{bytes} bytes, {lines} documents in {secs:.1} s ({:.1} MiB/s, {:.0} documents/s); peak RSS {} MiB",
        bytes as f64 / secs / (1 << 20) as f64,
        lines as f64 / secs,
        peak / 1024
    );
    assert_eq!(status.code(), Some(1));
    let summary = out.lines().last().unwrap();
    assert_eq!(
        summary,
        format!(
            "failed: {lines} documents checked: {} valid, {invalid_lines} invalid, 0 unreadable",
            lines - invalid_lines
        )
    );
    assert_eq!(
        out.matches("error[range] /capacity/cpu").count() as u64,
        invalid_lines
    );
    // The last reported error is on the last line of the stream.
    assert!(out.contains(&format!("<stdin>:{lines}:")));
    assert!(peak > 0, "VmHWM was read");
    assert!(
        peak < 256 * 1024,
        "peak RSS {peak} KiB: memory grows with the input"
    );
}

#[test]
fn a_hundred_thousand_errors_on_one_line() {
    let text = std::fs::read_to_string(common::data().join("valid/container.json")).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let env: serde_json::Map<String, serde_json::Value> = (0..100_000)
        .map(|i| (format!("VAR_{i}"), serde_json::Value::from(i)))
        .collect();
    doc["environment"] = env.into();
    let line = serde_json::to_vec(&doc).unwrap();
    let dir = dir_with(&[("big.json", &line)]);
    let started = std::time::Instant::now();
    let run = validate(dir.path(), &["--format", "json", "big.json"]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let errors = v["documents"][0]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 100_000);
    assert_eq!(errors[99_999]["pointer"], "/environment/VAR_99999");
    assert_eq!(
        errors[99_999]["message"],
        "must be a string, not an integer"
    );
    let human = validate(dir.path(), &["big.json"]);
    assert_eq!(human.code, 1);
    // Excerpts for the first 200 errors only; every error is listed.
    assert_eq!(human.stdout.matches("error[type]").count(), 100_000);
    assert_eq!(human.stdout.matches("\n  |").count(), 200 * 2);
    assert!(started.elapsed().as_secs() < 120, "{:?}", started.elapsed());
}
