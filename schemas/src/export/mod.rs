//! Native types for other languages (TypeScript, Go, Python) from a JSON Schema bundle.
//!
//! The bundle (`{"$defs": {Name: schema, ...}}`, as [`SchemaGenerator::bundle`] makes
//! it) is read once into a language-neutral [`model::Model`]; one module per language
//! renders that model. The output is deterministic: the same bundle gives the same
//! bytes.
//!
//! ```
//! use schemas::export::{export, ExportOptions, Lang};
//!
//! let bundle = serde_json::json!({
//!     "title": "zos",
//!     "$defs": {
//!         "Capacity": {
//!             "type": "object",
//!             "description": "What a container may use.",
//!             "properties": { "cpu": { "type": "integer", "minimum": 1, "maximum": 32 } },
//!             "additionalProperties": false
//!         }
//!     }
//! });
//! let files = export(Lang::Go, &bundle, &ExportOptions::default()).unwrap();
//! assert_eq!(files[0].path, "zos.go");
//! assert!(files[0].contents.contains("CPU uint32 `json:\"cpu\"`"));
//! ```
//!
//! What each language gets is described on [`typescript`], [`go`] and [`python`].
//!
//! [`SchemaGenerator::bundle`]: crate::SchemaGenerator::bundle

use std::fmt;
use std::str::FromStr;

use serde_json::Value;

pub mod go;
pub mod model;
pub mod names;
pub mod python;
mod python_text;
mod read;
pub mod typescript;

use model::{Alternative, Model, Rules};

/// A target language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// TypeScript: interfaces, enums, TSDoc (`zos.ts`).
    TypeScript,
    /// Go: structs with `json` tags, enum types with `String()` (`zos.go`).
    Go,
    /// Python: pydantic v2 models and `IntEnum`s (`zos.py`).
    Python,
}

impl Lang {
    /// Every language, in the order of the documentation.
    pub const ALL: &'static [Lang] = &[Lang::TypeScript, Lang::Go, Lang::Python];

    /// The name on the command line (`typescript`, `go`, `python`).
    pub fn name(self) -> &'static str {
        match self {
            Lang::TypeScript => "typescript",
            Lang::Go => "go",
            Lang::Python => "python",
        }
    }

    /// The file extension of the output, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Lang::TypeScript => "ts",
            Lang::Go => "go",
            Lang::Python => "py",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing an unknown language name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language `{}`: expected one of typescript (ts), go, python (py)",
            self.0
        )
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Parses `typescript`/`ts`, `go`/`golang` and `python`/`py`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "typescript" | "ts" => Ok(Lang::TypeScript),
            "go" | "golang" => Ok(Lang::Go),
            "python" | "py" => Ok(Lang::Python),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

/// Options of [`export`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The Go package clause, and the module (file) name in every language: `zos`
    /// gives `package zos` in `zos.go`, `zos.ts` and `zos.py`. Must be a lowercase
    /// identifier (`[a-z_][a-z0-9_]*`).
    pub package: String,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            package: "zos".into(),
        }
    }
}

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFile {
    /// The path relative to the output folder (`zos.ts`, `zos.go`, `zos.py`).
    pub path: String,
    /// The file's text.
    pub contents: String,
}

/// Why a bundle could not be exported.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportError {
    /// The input is not a bundle (`$defs` missing or not an object, ...).
    InvalidBundle(String),
    /// A schema construct the exporter cannot express in the target language.
    Unsupported {
        /// The `$defs` entry it is in.
        def: String,
        /// The JSON Pointer of the construct in the bundle.
        pointer: String,
        /// What the construct is.
        construct: String,
    },
    /// An option that the target language cannot use.
    InvalidOption {
        /// The option's name (`package`).
        option: &'static str,
        /// The value given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::InvalidBundle(why) => write!(f, "not a schema bundle: {why}"),
            ExportError::Unsupported {
                def,
                pointer,
                construct,
            } => write!(f, "cannot export `{def}`: {construct} (at {pointer})"),
            ExportError::InvalidOption {
                option,
                value,
                reason,
            } => write!(f, "invalid {option} `{value}`: {reason}"),
        }
    }
}

impl std::error::Error for ExportError {}

/// Writes the native types of every definition of `bundle` in `lang`.
pub fn export(
    lang: Lang,
    bundle: &Value,
    opts: &ExportOptions,
) -> Result<Vec<ExportedFile>, ExportError> {
    let valid = opts
        .package
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_lowercase() || c == '_' || (i > 0 && c.is_ascii_digit()));
    if opts.package.is_empty() || !valid || opts.package == "_" {
        return Err(ExportError::InvalidOption {
            option: "package",
            value: opts.package.clone(),
            reason: "expected a lowercase identifier such as `zos`".into(),
        });
    }
    let model = Model::from_bundle(bundle)?;
    let contents = match lang {
        Lang::TypeScript => typescript::render(&model, opts)?,
        Lang::Go => go::render(&model, opts)?,
        Lang::Python => python::render(&model, opts)?,
    };
    Ok(vec![ExportedFile {
        path: format!("{}.{}", opts.package, lang.extension()),
        contents,
    }])
}

/// A fixed-width integer type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntKind {
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `u8`.
    U8,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// `u64`.
    U64,
}

impl IntKind {
    const ALL: [IntKind; 8] = [
        IntKind::U8,
        IntKind::I8,
        IntKind::U16,
        IntKind::I16,
        IntKind::U32,
        IntKind::I32,
        IntKind::U64,
        IntKind::I64,
    ];

    /// The smallest value.
    pub fn min_value(self) -> i128 {
        match self {
            IntKind::I8 => i8::MIN.into(),
            IntKind::I16 => i16::MIN.into(),
            IntKind::I32 => i32::MIN.into(),
            IntKind::I64 => i64::MIN.into(),
            _ => 0,
        }
    }

    /// The largest value.
    pub fn max_value(self) -> i128 {
        match self {
            IntKind::I8 => i8::MAX.into(),
            IntKind::I16 => i16::MAX.into(),
            IntKind::I32 => i32::MAX.into(),
            IntKind::I64 => i64::MAX.into(),
            IntKind::U8 => u8::MAX.into(),
            IntKind::U16 => u16::MAX.into(),
            IntKind::U32 => u32::MAX.into(),
            IntKind::U64 => u64::MAX.into(),
        }
    }

    /// The Rust (and, lowercased with `int`, the Go) name: `u8`, `i64`, ...
    pub fn rust_name(self) -> &'static str {
        match self {
            IntKind::I8 => "i8",
            IntKind::I16 => "i16",
            IntKind::I32 => "i32",
            IntKind::I64 => "i64",
            IntKind::U8 => "u8",
            IntKind::U16 => "u16",
            IntKind::U32 => "u32",
            IntKind::U64 => "u64",
        }
    }

    /// The width of an integer schema: the type whose largest value is `maximum` (the
    /// std schemas write each type's full range), else the narrowest of 32 and 64 bits
    /// that holds both bounds (a `range` attribute narrows the bounds, not the type).
    pub fn from_bounds(min: Option<i128>, max: Option<i128>) -> IntKind {
        let unsigned = min.is_some_and(|m| m >= 0);
        if let Some(max) = max {
            let exact = IntKind::ALL
                .into_iter()
                .find(|k| k.max_value() == max && min.is_none_or(|m| m >= k.min_value()));
            if let Some(k) = exact {
                return k;
            }
        }
        let fits = |k: IntKind| {
            min.is_none_or(|m| m >= k.min_value()) && max.is_none_or(|m| m <= k.max_value())
        };
        let candidates = if unsigned {
            [IntKind::U32, IntKind::U64]
        } else {
            [IntKind::I32, IntKind::I64]
        };
        match (min, max) {
            (None, None) => IntKind::I64,
            _ => candidates
                .into_iter()
                .find(|k| fits(*k))
                .unwrap_or(IntKind::I64),
        }
    }

    /// The narrowest type holding every value of an enum (`u8` for the 0-OS enums).
    pub fn for_values(values: &[i128]) -> IntKind {
        let lo = values.iter().copied().min().unwrap_or(0);
        let hi = values.iter().copied().max().unwrap_or(0);
        IntKind::ALL
            .into_iter()
            .find(|k| k.min_value() <= lo && hi <= k.max_value())
            .unwrap_or(IntKind::I64)
    }
}

/// The constraints a language's types cannot carry, as (JSON Schema keyword, value)
/// pairs for doc comments: `("minimum", "1")`, `("format", "cidr")`, `("uniqueItems", "")`.
pub(crate) fn rule_notes(rules: &Rules) -> Vec<(&'static str, String)> {
    let mut notes = Vec::new();
    let pairs = [
        ("minimum", &rules.minimum),
        ("maximum", &rules.maximum),
        ("exclusiveMinimum", &rules.exclusive_minimum),
        ("exclusiveMaximum", &rules.exclusive_maximum),
    ];
    for (k, v) in pairs {
        if let Some(v) = v {
            notes.push((k, v.to_string()));
        }
    }
    let counts = [
        ("minLength", rules.min_length),
        ("maxLength", rules.max_length),
        ("minItems", rules.min_items),
        ("maxItems", rules.max_items),
        ("minProperties", rules.min_properties),
        ("maxProperties", rules.max_properties),
    ];
    for (k, v) in counts {
        if let Some(v) = v {
            notes.push((k, v.to_string()));
        }
    }
    if let Some(p) = &rules.pattern {
        notes.push(("pattern", p.clone()));
    }
    if let Some(f) = &rules.format {
        notes.push(("format", f.clone()));
    }
    if !rules.one_of.is_empty() {
        let alts: Vec<String> = rules
            .one_of
            .iter()
            .map(|a| match a {
                Alternative::Const(v) => v.to_string(),
                Alternative::Format(f) => format!("format {f}"),
                Alternative::Pattern(p) => format!("pattern {p}"),
            })
            .collect();
        notes.push(("oneOf", alts.join(" | ")));
    }
    if rules.unique_items {
        notes.push(("uniqueItems", String::new()));
    }
    for c in &rules.custom {
        notes.push(("custom", c.clone()));
    }
    notes
}

/// The notes of [`rule_notes`] as one sentence: `minimum 1, format cidr`.
pub(crate) fn rule_sentence(rules: &Rules) -> Option<String> {
    let notes = rule_notes(rules);
    if notes.is_empty() {
        return None;
    }
    let parts: Vec<String> = notes
        .into_iter()
        .map(|(k, v)| {
            if v.is_empty() {
                k.to_string()
            } else {
                format!("{k} {v}")
            }
        })
        .collect();
    Some(parts.join(", "))
}

/// The lines of a description, trimmed at the end, without leading or trailing blank
/// lines.
pub(crate) fn doc_lines(text: &str) -> Vec<String> {
    let lines: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    lines[start..end].to_vec()
}
