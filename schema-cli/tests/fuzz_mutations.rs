//! The fuzz target's function (`check_and_render`: bytes -> report in every format) on
//! mutations of the stored documents, with a fixed seed: a stable-toolchain companion
//! of `fuzz/` (cargo-fuzz) that runs in every `cargo test`.
//!
//! `ZOS_FUZZ_ITERATIONS=1000000 cargo test --release -p schema-cli --test
//! fuzz_mutations -- --nocapture` runs it longer.

use schema_cli::{Catalog, Checker, Status};

/// xorshift64*: deterministic and good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\\",
    b"null",
    b"true",
    b"-0",
    b"1e400",
    b"18446744073709551616",
    b"\"\"",
    b"\"\\ud800\"",
    b"\xff",
    b"\xc3",
    b"\n",
    b"\"size\":",
    b"\"workload_type\": 1",
    b"\"password\": 5",
    b"[[[[[[[[",
    b"{\"a\":{\"a\":",
    b"\x1b[31m",
];

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, corpus: &[Vec<u8>]) {
    for _ in 0..1 + rng.below(4) {
        let len = input.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input[i] = rng.next() as u8;
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below((len - i).min(64)) + 1;
                input.drain(i..i + n);
            }
            3 => {
                let i = rng.below(len + 1);
                let token = TOKENS[rng.below(TOKENS.len())];
                input.splice(i..i, token.iter().copied());
            }
            4 if len > 0 => {
                input.truncate(rng.below(len));
            }
            5 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below((len - i).min(256)) + 1;
                let chunk = input[i..i + n].to_vec();
                let at = rng.below(len + 1);
                input.splice(at..at, chunk);
            }
            6 => {
                let other = &corpus[rng.below(corpus.len())];
                if !other.is_empty() {
                    let i = rng.below(other.len());
                    let n = rng.below((other.len() - i).min(512)) + 1;
                    let at = rng.below(len + 1);
                    input.splice(at..at, other[i..i + n].iter().copied());
                }
            }
            _ => {
                // Replace a number by another one.
                if let Some(i) = (0..len)
                    .map(|k| (k + rng.below(len)) % len.max(1))
                    .find(|k| input[*k].is_ascii_digit())
                {
                    let n = [
                        "0",
                        "-1",
                        "65536",
                        "4294967296",
                        "0.5",
                        "9e18",
                        "2147483647",
                    ][rng.below(7)];
                    input.splice(i..i + 1, n.bytes());
                }
            }
        }
    }
}

fn corpus() -> Vec<Vec<u8>> {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut out = Vec::new();
    for dir in ["valid", "invalid", "stream"] {
        let mut entries: Vec<_> = std::fs::read_dir(data.join(dir))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            let bytes = std::fs::read(&p).unwrap();
            // Lines of a stream are documents of their own.
            if p.extension().is_some_and(|e| e == "jsonl") {
                out.extend(bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec));
            } else {
                out.push(bytes);
            }
        }
    }
    out
}

#[test]
fn mutated_documents_always_give_a_consistent_report() {
    let iterations: usize = std::env::var("ZOS_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3_000);
    let catalog = Catalog::zos();
    let mut checkers = vec![Checker::new(&catalog, schemas::Options::new(), None, true)];
    for t in catalog.types() {
        checkers.push(Checker::new(
            &catalog,
            schemas::Options::new().at(1_600_000_000),
            Some(t.name()),
            true,
        ));
    }
    let corpus = corpus();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let (mut valid, mut invalid) = (0usize, 0usize);
    let started = std::time::Instant::now();
    for i in 0..iterations {
        let mut input = corpus[rng.below(corpus.len())].clone();
        mutate(&mut rng, &mut input, &corpus);
        let checker = if i % 4 == 0 {
            &checkers[1 + rng.below(checkers.len() - 1)]
        } else {
            &checkers[0]
        };
        // Asserts the report's invariants itself (see its documentation).
        let doc = schema_cli::check_and_render(checker, &input);
        if doc.status == Status::Valid {
            valid += 1;
        } else {
            invalid += 1;
        }
    }
    eprintln!(
        "{iterations} mutated documents in {:.1} s: {valid} valid, {invalid} invalid",
        started.elapsed().as_secs_f64()
    );
    assert!(invalid > 0);
}
