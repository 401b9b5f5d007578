//! `zos-schema`, the command-line tool of zos-schema: validate ThreeFold 0-OS v2
//! provisioning documents, print their JSON Schema, export native types.
//!
//! `main.rs` only calls [`run`]; everything here is library code so tests (and the
//! fuzz target) call it directly:
//!
//! - [`cli`]: the arguments and their help,
//! - [`inputs`]: paths to inputs (folder walks, stdin),
//! - [`parse`], [`check`], [`fallback`], [`locate`], [`schema_walk`]: one document's
//!   bytes to its list of placed errors,
//! - [`output`]: the `human`, `json` and `github` formats behind one trait,
//! - [`validate`] and [`commands`]: the subcommands.
//!
//! Exit status: 0 success / all valid, 1 some document invalid, 2 usage or I/O error.

use std::ffi::OsString;
use std::io::{BufRead, Write};

use clap::Parser;

pub mod catalog;
pub mod check;
pub mod cli;
pub mod commands;
pub mod fallback;
pub mod fast;
pub mod inputs;
pub mod locate;
pub mod output;
pub mod parse;
pub mod schema_walk;
pub mod validate;

#[cfg(test)]
mod testing;

pub use catalog::Catalog;
pub use check::{Checker, DocReport, ErrorItem, Status};

/// Every document valid, or the command succeeded.
pub const EXIT_OK: u8 = 0;
/// At least one document is invalid.
pub const EXIT_INVALID: u8 = 1;
/// Usage error, or an input or output could not be read or written.
pub const EXIT_ERROR: u8 = 2;

/// Where a run reads and writes, and what it knows about the terminal.
pub struct Env<'a> {
    /// Standard input (read for `-`).
    pub stdin: Box<dyn BufRead + Send + 'a>,
    /// Standard output: reports, schemas.
    pub stdout: &'a mut dyn Write,
    /// Standard error: usage errors, warnings.
    pub stderr: &'a mut dyn Write,
    /// Whether standard output is a terminal (colours with `--color auto`).
    pub stdout_is_terminal: bool,
    /// Whether standard error is a terminal (progress bars).
    pub stderr_is_terminal: bool,
    /// Whether `NO_COLOR` is set to a non-empty value.
    pub no_color: bool,
}

/// Runs the command line `args` (with the program name first) against `catalog` and
/// returns the exit status.
pub fn run<I, T>(args: I, catalog: &Catalog, env: &mut Env<'_>) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let to_stderr = e.use_stderr();
            let color = if to_stderr {
                env.stderr_is_terminal
            } else {
                env.stdout_is_terminal
            } && !env.no_color;
            let text = if color {
                e.render().ansi().to_string()
            } else {
                e.render().to_string()
            };
            let out: &mut dyn Write = if to_stderr { env.stderr } else { env.stdout };
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            return if e.exit_code() == 0 {
                EXIT_OK
            } else {
                EXIT_ERROR
            };
        }
    };
    let code = match &cli.command {
        cli::Command::Validate(args) => validate::validate(args, catalog, env),
        cli::Command::Schema(args) => commands::schema(args, catalog, env),
        cli::Command::Types(_) => commands::types(catalog, env),
        cli::Command::Export(args) => commands::export(args, catalog, env),
    };
    let _ = env.stdout.flush();
    let _ = env.stderr.flush();
    code
}

/// Renders one document's report, with its summary, in `format` (no colours).
pub fn render(out: &mut Vec<u8>, doc: &DocReport, format: cli::OutputFormat) {
    let mut summary = output::Summary::default();
    summary.add(doc);
    let mut reporter: Box<dyn output::Reporter> = match format {
        cli::OutputFormat::Human => Box::new(output::Human::new(false)),
        cli::OutputFormat::Json => Box::new(output::Json::new()),
        cli::OutputFormat::Github => Box::new(output::Github),
    };
    // Writing into a `Vec` cannot fail.
    let _ = reporter.begin(out);
    let _ = reporter.document(out, doc);
    let _ = reporter.finish(out, &summary);
}

/// Checks `bytes` as `validate` does and renders the report in every output format:
/// the function the fuzz target and the mutation test run. Any bytes must give a
/// report, never a panic, and the report must hold its invariants (asserted here): a
/// verdict that matches the errors, every error placed at a line and column, no
/// excerpt next to a secret, well-formed JSON output, and a fast path that agrees.
pub fn check_and_render(checker: &Checker<'_>, bytes: &[u8]) -> DocReport {
    let doc = checker.check_full("fuzz.json", bytes, 1);
    assert_eq!(doc.status == Status::Valid, doc.errors.is_empty());
    for e in &doc.errors {
        assert!(
            e.line.is_some_and(|l| l >= 1) && e.column.is_some_and(|c| c >= 1),
            "{e:?}"
        );
        assert!(!(e.secret && e.excerpt.is_some()), "{e:?}");
    }
    // The fast path may only make a valid verdict faster, never change one.
    let fast = checker.fast_valid(bytes);
    assert!(
        fast.is_none() || doc.status == Status::Valid,
        "the fast path calls valid a document the full path does not: {:?}",
        doc.errors
    );
    if doc.status == Status::Valid && fast.is_some() {
        assert_eq!(fast.map(|i| checker.type_name(i)), doc.type_name.map(Some));
    }
    let mut sink = Vec::new();
    for format in [
        cli::OutputFormat::Human,
        cli::OutputFormat::Json,
        cli::OutputFormat::Github,
    ] {
        render(&mut sink, &doc, format);
        if format == cli::OutputFormat::Json {
            assert!(serde_json::from_slice::<serde_json::Value>(&sink).is_ok());
        }
        sink.clear();
    }
    let mut colored = Vec::new();
    let mut human = output::Human::new(true);
    let _ = output::Reporter::document(&mut human, &mut colored, &doc);
    doc
}
