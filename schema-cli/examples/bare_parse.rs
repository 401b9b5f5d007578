//! The baseline of `bench/run.sh`: read every `*.json` file under a folder and parse it
//! into a `serde_json::Value`, nothing else: what `zos-schema validate` is compared to.
//!
//! ```text
//! cargo run --release -p schema-cli --example bare_parse -- DIR [--jobs N]
//! ```
//!
//! Walks the folder as `validate` does (sorted, symbolic links followed) and prints
//! `documents bytes seconds`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut jobs = 1usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jobs" | "-j" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => jobs = n,
                _ => {
                    eprintln!("--jobs needs a positive number");
                    return ExitCode::from(2);
                }
            },
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: bare_parse DIR [--jobs N]");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name().to_string_lossy().ends_with(".json"))
        .map(|e| e.into_path())
        .collect();
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (parsed, bytes) = pool.install(|| {
        files
            .par_iter()
            .map(|p| match std::fs::read(p) {
                Ok(b) => (
                    usize::from(serde_json::from_slice::<serde_json::Value>(&b).is_ok()),
                    b.len(),
                ),
                Err(_) => (0, 0),
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    println!("{parsed} {bytes} {:.6}", started.elapsed().as_secs_f64());
    if parsed == files.len() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
