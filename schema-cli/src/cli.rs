//! The command line: subcommands, options and their help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Exit status:
  0  every document is valid (or the command succeeded)
  1  at least one document is invalid (syntax, unknown type, or a broken rule)
  2  usage error, or a file or folder could not be read or written
     (2 wins over 1 when both happen)

Examples:
  zos-schema validate reservation.json
  zos-schema validate deployments/ --format github
  zos-schema types
  zos-schema schema Reservation > reservation.schema.json

Run `zos-schema help <command>` for the options of each command.";

const VALIDATE_HELP: &str = "\
Each PATH is a file, a folder (its *.json files are checked, recursively, in name
order; symbolic links are followed, loops are reported), or `-` for standard input.
A document's type is detected from its content (a reservation, or a workload by its
`workload_type`) unless --type names it.

Every error of every document is reported with its file, line:column (columns count
characters), JSON Pointer, code and message. A file that cannot be read is reported
and the others are still checked. Values of secret fields are never printed.

Exit status:
  0  every document is valid
  1  at least one document is invalid
  2  usage error, or a path could not be read (2 wins over 1)

Examples:
  zos-schema validate reservation.json
  zos-schema validate deployments/ workloads/*.json
  cat reservation.json | zos-schema validate -
  zos-schema validate --type ContainerWorkload container.json
  zos-schema validate --json-lines export.jsonl --format json > report.json
  zos-schema validate --format github deployments/     # in a GitHub workflow
  zos-schema validate --at 1700000000 reservation.json  # also the clock rules";

/// Validate ThreeFold 0-OS v2 provisioning documents, print their JSON Schema, and
/// export native types for other languages.
#[derive(Debug, Parser)]
#[command(
    name = "zos-schema",
    version,
    after_help = AFTER_HELP,
    propagate_version = true,
    disable_help_subcommand = false
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check documents: every error with its file, line, column and JSON Pointer.
    #[command(after_long_help = VALIDATE_HELP)]
    Validate(ValidateArgs),
    /// Print or write the JSON Schema (draft 2020-12) of a type, or of all of them.
    #[command(after_long_help = "\
Examples:
  zos-schema schema Reservation               # one type, on standard output
  zos-schema schema --all > zos.schema.json   # every type in one bundle ($defs)
  zos-schema schema --all --out schemas/      # one file per type, and the bundle")]
    Schema(SchemaArgs),
    /// List the types, with a one-line description each.
    Types(TypesArgs),
    /// Write native types for TypeScript, Go or Python that decode the same documents.
    #[command(after_long_help = "\
Examples:
  zos-schema export --lang typescript --out sdk/ts
  zos-schema export --lang go --package zos --out sdk/go
  zos-schema export --lang python             # one file: printed on standard output")]
    Export(ExportArgs),
}

/// How `validate` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Readable text, an excerpt of the offending line under each error.
    Human,
    /// One JSON document: {"documents":[...],"summary":{...}}.
    Json,
    /// GitHub Actions annotations: ::error file=...,line=...,col=...::message
    Github,
}

/// When to colour the human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `zos-schema validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files, folders (walked for *.json), or - for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Check every document as this type instead of detecting it (see `zos-schema types`).
    #[arg(short = 't', long = "type", value_name = "NAME")]
    pub type_name: Option<String>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Documents checked in parallel [default: all cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Each input holds one document per line (JSON Lines), read as a stream; errors
    /// give the line in the file. Blank lines are skipped. Folders then also
    /// contribute *.jsonl and *.ndjson files.
    #[arg(long)]
    pub json_lines: bool,

    /// Also check the rules that depend on the clock (expiration in the past, under an
    /// hour), as of now. Off by default, so a verdict never changes by itself.
    #[arg(long, conflicts_with = "at")]
    pub now: bool,

    /// Check the clock rules as of this instant (Unix seconds).
    #[arg(long, value_name = "UNIX", allow_negative_numbers = true)]
    pub at: Option<i64>,

    /// Colour the human output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `zos-schema schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The type to print (see `zos-schema types`).
    #[arg(
        value_name = "NAME",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub name: Option<String>,

    /// Every type: one bundle with all of them in `$defs` (with --out: also one file per
    /// type).
    #[arg(long)]
    pub all: bool,

    /// Write into this folder (created if needed) instead of standard output: NAME.json
    /// per type, and the bundle as zos.bundle.json with --all.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `zos-schema types`.
#[derive(Debug, Args)]
pub struct TypesArgs {}

/// Target languages of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// TypeScript interfaces and enums (`tsc --strict` clean).
    Typescript,
    /// Go structs with `encoding/json` tags (`gofmt` clean).
    Go,
    /// Python pydantic v2 models.
    Python,
}

/// `zos-schema export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The language.
    #[arg(short, long, value_enum)]
    pub lang: Lang,

    /// Write the files into this folder (created if needed) instead of printing them.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Package or module name used in the generated code.
    #[arg(short, long, value_name = "NAME", default_value = "zos")]
    pub package: String,
}
