//! The `zos-schema` binary: see `zos-schema --help`, and the `schema_cli` library.

use std::io::{self, BufReader, IsTerminal, LineWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let stdout_is_terminal = io::stdout().is_terminal();
    let stderr_is_terminal = io::stderr().is_terminal();
    let stdout = io::stdout();
    // A terminal sees each line as it is written; a pipe gets large writes.
    let mut out: Box<dyn Write> = if stdout_is_terminal {
        Box::new(LineWriter::new(stdout.lock()))
    } else {
        Box::new(io::BufWriter::with_capacity(1 << 16, stdout.lock()))
    };
    let mut err = io::stderr().lock();
    let catalog = schema_cli::Catalog::zos();
    let mut env = schema_cli::Env {
        stdin: Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
        stdout: &mut out,
        stderr: &mut err,
        stdout_is_terminal,
        stderr_is_terminal,
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    let code = schema_cli::run(std::env::args_os(), &catalog, &mut env);
    drop(env);
    let _ = out.flush();
    ExitCode::from(code)
}
