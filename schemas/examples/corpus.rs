//! Writes a corpus of realistic 0-OS documents to a folder.
//!
//! ```text
//! cargo run -p schemas --example corpus -- OUT_DIR N [SEED] [--faulty PERCENT]
//! ```
//!
//! Writes `N` documents (a quarter reservations, the rest workload documents of every
//! kind), named `<index>.<Type>.json`, valid unless `--faulty` asks for a share of
//! documents with one fault each (named `<index>.<Type>.<code>.json`). The same seed
//! always writes the same corpus.

use std::path::PathBuf;
use std::process::ExitCode;

use schemas::zos::generator;

const USAGE: &str = "usage: corpus OUT_DIR N [SEED] [--faulty PERCENT]";

struct Args {
    out: PathBuf,
    count: u64,
    seed: u64,
    faulty: u64,
}

fn parse() -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut faulty = 0;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--faulty" {
            let p = args.next().ok_or("--faulty needs a percentage")?;
            faulty = p
                .parse()
                .map_err(|_| format!("--faulty: not a percentage: {p}"))?;
            if faulty > 100 {
                return Err("--faulty: at most 100".into());
            }
        } else if a == "-h" || a == "--help" {
            return Err(USAGE.into());
        } else {
            positional.push(a);
        }
    }
    let (out, count, seed) = match positional.as_slice() {
        [out, n] => (out, n, None),
        [out, n, seed] => (out, n, Some(seed)),
        _ => return Err(USAGE.into()),
    };
    Ok(Args {
        out: PathBuf::from(out),
        count: count
            .parse()
            .map_err(|_| format!("N: not a number: {count}"))?,
        seed: match seed {
            Some(s) => s.parse().map_err(|_| format!("SEED: not a number: {s}"))?,
            None => 0,
        },
        faulty,
    })
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("{}: {e}", args.out.display());
        return ExitCode::from(2);
    }
    let width = args.count.to_string().len();
    for i in 0..args.count {
        let seed = args.seed.wrapping_mul(1_000_003).wrapping_add(i);
        let faulty = generator::Rng::new(seed ^ 0xfa17).below(100) < args.faulty;
        let generator::Generated { target, fault, doc } = generator::document(seed, faulty);
        let name = match fault {
            Some(f) => format!("{i:0width$}.{}.{}.json", target.type_name(), f.code()),
            None => format!("{i:0width$}.{}.json", target.type_name()),
        };
        let text = match serde_json::to_string_pretty(&doc) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{name}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let path = args.out.join(&name);
        if let Err(e) = std::fs::write(&path, text + "\n") {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("wrote {} documents to {}", args.count, args.out.display());
    ExitCode::SUCCESS
}
