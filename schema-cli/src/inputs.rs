//! What to check: the paths of the command line, folders walked recursively in a
//! deterministic order, `-` for standard input.
//!
//! Nothing is skipped silently: a path that does not exist, a folder that cannot be
//! listed, a symbolic link that loops or dangles, a `*.json` entry that is not a
//! regular file (a FIFO, a socket, a device) each become an input that reports why it
//! could not be read.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file to read.
    File(PathBuf),
    /// A path that cannot be read, and why.
    Broken(PathBuf, String),
}

impl Input {
    /// The path as shown in reports (`<stdin>` for standard input).
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_owned(),
            Input::File(p) | Input::Broken(p, _) => p.to_string_lossy().into_owned(),
        }
    }
}

/// Which file names a folder walk takes.
fn wanted(name: &OsStr, json_lines: bool) -> bool {
    let name = name.to_string_lossy();
    name.ends_with(".json")
        || (json_lines && (name.ends_with(".jsonl") || name.ends_with(".ndjson")))
}

/// Expands the command-line paths. Files named explicitly are taken whatever their
/// name; folders contribute their `*.json` files (and `*.jsonl`, `*.ndjson` with
/// `--json-lines`), recursively, sorted by name, following symbolic links.
pub fn expand(paths: &[PathBuf], json_lines: bool) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, json_lines, &mut out),
            Ok(_) => out.push(Input::File(path.clone())),
            Err(e) => out.push(Input::Broken(path.clone(), io_message(&e))),
        }
    }
    out
}

fn walk(root: &Path, json_lines: bool, all: &mut Vec<Input>) {
    let walker = walkdir::WalkDir::new(root).follow_links(true);
    let mut out = Vec::new();
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.depth() == 0 || e.file_type().is_dir() || !wanted(e.file_name(), json_lines) {
                    continue;
                }
                if e.file_type().is_file() {
                    out.push(Input::File(e.into_path()));
                } else {
                    let why = if e.path_is_symlink() {
                        "a symbolic link to something that is not a regular file"
                    } else {
                        "not a regular file (a FIFO, socket or device); name it explicitly to read it"
                    };
                    out.push(Input::Broken(e.into_path(), why.into()));
                }
            }
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                let message = if let Some(ancestor) = e.loop_ancestor() {
                    format!(
                        "symbolic link loop: this leads back to {}; not followed",
                        ancestor.display()
                    )
                } else if let Some(io) = e.io_error() {
                    if io.kind() == std::io::ErrorKind::NotFound && path.is_symlink() {
                        "dangling symbolic link: its target does not exist".to_owned()
                    } else {
                        io_message(io)
                    }
                } else {
                    e.to_string()
                };
                // A broken entry in a folder matters only if it could be a document or
                // a folder of them; a dangling link named `*.json` is reported, one
                // named `notes.txt` is not a document.
                let name = path.file_name().unwrap_or_default();
                if e.loop_ancestor().is_some()
                    || e.depth() == 0
                    || wanted(name, json_lines)
                    || !path.is_symlink()
                {
                    out.push(Input::Broken(path, message));
                }
            }
        }
    }
    // Sorted once at the end rather than folder by folder: the order is the same
    // (each folder's entries by name, a folder's content where the folder sorts), and
    // names are compared without taking every path apart at each comparison.
    out.sort_by_cached_key(|input| match input {
        Input::File(p) | Input::Broken(p, _) => sort_key(p),
        Input::Stdin => Vec::new(),
    });
    all.append(&mut out);
}

/// A key that sorts paths under one root as a walk that visits each folder's entries
/// in name order lists them: the path's bytes with each separator made `0`, a byte no
/// name holds, so that `a/z` (inside `a`) sorts before `a.json` and `a-b`.
fn sort_key(path: &Path) -> Vec<u8> {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&b| {
            if std::path::is_separator(char::from(b)) {
                0
            } else {
                b
            }
        })
        .collect()
}

/// The size a worker's file buffer starts at; one that grew beyond [`KEEP_BUFFER`] is
/// given back after its file.
const START_BUFFER: usize = 64 << 10;
const KEEP_BUFFER: usize = 1 << 20;

/// Reads the file at `path` into `buf`, which is kept (initialized) from file to file;
/// returns how many bytes the file has. Unlike `std::fs::read`, no size is asked of
/// the file system first and nothing is allocated for a file that fits: a file is
/// read in two calls (its bytes, then the end), a system call less per file where
/// system calls are dear.
pub fn read_file(path: &Path, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut file = std::fs::File::open(path)?;
    if buf.len() > KEEP_BUFFER {
        *buf = Vec::new();
    }
    if buf.is_empty() {
        buf.resize(START_BUFFER, 0);
    }
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            buf.resize(buf.len() * 2, 0);
        }
        match file.read(&mut buf[filled..]) {
            Ok(0) => return Ok(filled),
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// An I/O error in words, without Rust's `(os error N)` noise but with its reason.
pub fn io_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_reports_what_it_cannot_read() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("b/c")).unwrap();
        std::fs::write(d.join("b/c/z.json"), "{}").unwrap();
        std::fs::write(d.join("b/a.json"), "{}").unwrap();
        std::fs::write(d.join("a.json"), "{}").unwrap();
        std::fs::write(d.join("notes.txt"), "").unwrap();
        std::fs::write(d.join("x.jsonl"), "").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d, d.join("b/loop")).unwrap();
            std::os::unix::fs::symlink(d.join("nowhere"), d.join("dangling.json")).unwrap();
            std::os::unix::fs::symlink(d.join("nowhere"), d.join("dangling.txt")).unwrap();
        }
        let got = expand(
            &[d.to_path_buf(), d.join("missing.json"), "-".into()],
            false,
        );
        let shown: Vec<String> = got
            .iter()
            .map(|i| match i {
                Input::Broken(p, why) => {
                    format!("{} ! {why}", p.strip_prefix(d).unwrap_or(p).display())
                }
                other => other.display().replace(&d.display().to_string(), ""),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "/a.json",
                "/b/a.json",
                "/b/c/z.json",
                &format!(
                    "b/loop ! symbolic link loop: this leads back to {}; not followed",
                    d.display()
                ),
                "dangling.json ! dangling symbolic link: its target does not exist",
                "missing.json ! No such file or directory",
                "<stdin>",
            ]
        );
        assert_eq!(expand(&[d.to_path_buf()], true).len(), 6);
    }

    #[test]
    fn sorts_as_a_walk_by_name_does() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "a/z.json",
            "a.json",
            "a-b.json",
            "a/b/c.json",
            "a b.json",
            "A.json",
            "é.json",
        ] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "{}").unwrap();
        }
        let got = expand(&[d.to_path_buf()], false);
        let reference: Vec<Input> = walkdir::WalkDir::new(d)
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| Input::File(e.into_path()))
            .collect();
        assert_eq!(got, reference);
        assert_eq!(got.len(), 7);
    }
}
