//! The baseline of `bench/run.sh`: read every `*.json` file under a folder and parse it
//! into a `serde_json::Value`, nothing else: what `zos-schema validate` is compared to.
//!
//! ```text
//! cargo run --release -p schema-cli --example bare_parse -- DIR [--jobs N]
//! ```
//!
//! Walks the folder and reads its files with the very functions `validate` uses
//! (`schema_cli::inputs`), so that only the checking differs, and prints
//! `documents bytes seconds`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use schema_cli::inputs::{read_file, Input};

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
    // The same walk and the same reads as `validate`: the difference is the checking.
    let files: Vec<PathBuf> = schema_cli::inputs::expand(&[dir], false)
        .into_iter()
        .filter_map(|input| match input {
            Input::File(p) => Some(p),
            _ => None,
        })
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
            .map_init(Vec::new, |buf, p| match read_file(p, buf) {
                Ok(n) => (
                    usize::from(serde_json::from_slice::<serde_json::Value>(&buf[..n]).is_ok()),
                    n,
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
