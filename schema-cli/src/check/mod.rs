//! One document, from its bytes to its verdict: parse, tell its type, decode and
//! validate, list every structural error when it does not decode, and place every
//! error at a line and column of the input.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use jsonschema::Validator;
use schemas::registry::TypeInfo;
use schemas::{Options, Violation};
use serde_json::Value;

use crate::catalog::Catalog;
use crate::locate::{self, LineIndex};
use crate::schema_walk::SchemaView;
use crate::{fallback, parse};

mod place;
mod report;
mod violations;

#[cfg(test)]
mod tests;

pub use report::{DocReport, ErrorItem, Status};

use violations::{decode_failed, explain_integer, unknown_type};

#[derive(Default)]
struct TypeCache {
    schema: OnceLock<Value>,
    validator: OnceLock<Option<Validator>>,
}

/// Checks documents; shared by every worker thread. Schemas and `jsonschema`
/// validators are built once per type, on first need.
pub struct Checker<'c> {
    catalog: &'c Catalog,
    options: Options,
    forced: Option<usize>,
    excerpts: bool,
    cache: Vec<TypeCache>,
    secret_keys: OnceLock<BTreeSet<String>>,
}

const DUPLICATE: &str =
    "this key appears more than once in its object; only its last value is read";

impl<'c> Checker<'c> {
    /// A checker for the types of `catalog`, with `options` for the rules. `forced`
    /// checks every document as that type (an index into the catalog) instead of
    /// detecting it. `excerpts` asks for the offending line with each error.
    pub fn new(
        catalog: &'c Catalog,
        options: Options,
        forced: Option<&str>,
        excerpts: bool,
    ) -> Self {
        let forced = forced.and_then(|n| catalog.types().iter().position(|t| t.name() == n));
        Checker {
            catalog,
            options,
            forced,
            excerpts,
            cache: catalog
                .types()
                .iter()
                .map(|_| TypeCache::default())
                .collect(),
            secret_keys: OnceLock::new(),
        }
    }

    /// The name of the `i`th type of the catalog.
    pub fn type_name(&self, i: usize) -> Option<&'static str> {
        self.catalog.types().get(i).map(TypeInfo::name)
    }

    fn index_of(&self, info: &TypeInfo) -> Option<usize> {
        self.catalog
            .types()
            .iter()
            .position(|t| t.name() == info.name())
    }

    fn schema(&self, i: usize) -> &Value {
        self.cache[i]
            .schema
            .get_or_init(|| self.catalog.types()[i].schema())
    }

    fn validator(&self, i: usize) -> Option<&Validator> {
        self.cache[i]
            .validator
            .get_or_init(|| fallback::compile(self.schema(i)).ok())
            .as_ref()
    }

    fn secret_keys(&self) -> &BTreeSet<String> {
        self.secret_keys.get_or_init(|| {
            let mut keys = BTreeSet::new();
            for i in 0..self.cache.len() {
                SchemaView::new(self.schema(i)).secret_keys(&mut keys);
            }
            keys
        })
    }

    /// Checks the document `bytes` of `path`, whose first line is line `first_line` of
    /// the file (1 for a whole file, the line number for `--json-lines`).
    pub fn check(&self, path: &str, bytes: &[u8], first_line: usize) -> DocReport {
        if let Some(i) = self.fast_valid(bytes) {
            return DocReport {
                path: path.to_owned(),
                type_name: Some(self.catalog.types()[i].name()),
                status: Status::Valid,
                errors: Vec::new(),
            };
        }
        self.check_full(path, bytes, first_line)
    }

    /// The type of a document the fast path finds valid (see [`crate::fast`]).
    pub fn fast_valid(&self, bytes: &[u8]) -> Option<usize> {
        if !self.catalog.fast() {
            return None;
        }
        let types = self.catalog.types();
        if let Some(i) = self.forced {
            return types
                .get(i)?
                .is_valid_bytes(bytes, &self.options)
                .then_some(i);
        }
        // A guess from a key search, decoded as that type; taken when the top level
        // the decoder saw is detected as that very type, as a scan would have found.
        let mut refused = None;
        if let Some(guess) = self.catalog.guess(bytes) {
            match guess.valid_bytes_top(bytes, &self.options) {
                Some(top) => {
                    let top = Value::Object(top);
                    if self.catalog.detect(&top).map(TypeInfo::name) == Some(guess.name()) {
                        return self.index_of(guess);
                    }
                }
                None => refused = Some(guess.name()),
            }
        }
        // Otherwise a scan of the top level tells the type (a legacy fragment written
        // in full says `workload_type: 0` but is no workload document). A document
        // already found not valid as that type goes to the full path without a second
        // decoding (giving up is always safe here).
        let skeleton = crate::fast::skeleton(bytes)?;
        let info = self.catalog.detect(&skeleton)?;
        if refused == Some(info.name()) {
            return None;
        }
        let i = self.index_of(info)?;
        types
            .get(i)?
            .is_valid_bytes(bytes, &self.options)
            .then_some(i)
    }

    /// [`Checker::check`] without the fast path: what it gives is the reference the
    /// fast path must agree with.
    pub fn check_full(&self, path: &str, bytes: &[u8], first_line: usize) -> DocReport {
        let forced_name = self.forced.map(|i| self.catalog.types()[i].name());
        let parsed = match parse::parse(bytes) {
            Ok(p) => p,
            Err(e) => {
                let index = LineIndex::new(bytes);
                let mut offset = index.offset_of(e.line, e.byte_column);
                let mut end = offset + 1;
                if e.message == "number out of range" {
                    // serde_json stops at the end of the number: show all of it.
                    let number = |b: &u8| b.is_ascii_digit() || b"+-.eE".contains(b);
                    end = offset
                        + bytes[offset.min(bytes.len())..]
                            .iter()
                            .take_while(|b| number(b))
                            .count();
                    while offset > 0 && bytes.get(offset - 1).is_some_and(number) {
                        offset -= 1;
                    }
                }
                let (line, column) = index.position(offset);
                let excerpt = (self.excerpts && !self.line_has_secret_key(&index, offset))
                    .then(|| locate::excerpt(&index, (offset, end), &[]));
                return DocReport {
                    path: path.to_owned(),
                    type_name: forced_name,
                    status: Status::Invalid,
                    errors: vec![ErrorItem {
                        pointer: String::new(),
                        line: Some(line + first_line - 1),
                        column: Some(column),
                        code: "syntax".into(),
                        message: if bytes.starts_with(b"\xef\xbb\xbf") && offset == 0 {
                            "the document starts with a byte order mark, which JSON does not allow (RFC 8259 §8.1)".into()
                        } else {
                            e.message
                        },
                        excerpt,
                        secret: false,
                    }],
                };
            }
        };
        let value = parsed.value;
        let index = self
            .forced
            .or_else(|| self.catalog.detect(&value).and_then(|t| self.index_of(t)));
        let mut violations = Vec::new();
        match index {
            None => violations.push(unknown_type(&value)),
            Some(i) => {
                let info = &self.catalog.types()[i];
                if let Err(report) = info.check(&value, &self.options) {
                    violations = report.into_iter().collect();
                    if decode_failed(&violations, info, &value) {
                        self.structural_errors(i, &value, &mut violations);
                    }
                    violations = violations.into_iter().map(explain_integer).collect();
                }
            }
        }
        for d in parsed.duplicates {
            violations.push(Violation::new(d, "duplicate_key", DUPLICATE));
        }
        let type_name = index.map(|i| self.catalog.types()[i].name());
        if violations.is_empty() {
            return DocReport {
                path: path.to_owned(),
                type_name,
                status: Status::Valid,
                errors: Vec::new(),
            };
        }
        let view = index.map(|i| SchemaView::new(self.schema(i)));
        let errors = self.place(bytes, &value, view, violations, first_line);
        DocReport {
            path: path.to_owned(),
            type_name,
            status: Status::Invalid,
            errors,
        }
    }

    /// Adds every error `jsonschema` finds to serde's one decode error. serde's stays
    /// authoritative for its pointer (its code is the one [`TypeInfo::check`] gives),
    /// in `jsonschema`'s words when that says the same in one error there (they list
    /// the allowed values, or the closest known key).
    fn structural_errors(&self, i: usize, value: &Value, violations: &mut Vec<Violation>) {
        let Some(validator) = self.validator(i) else {
            return;
        };
        let found = fallback::violations(validator, SchemaView::new(self.schema(i)), value);
        let [serde] = violations.as_slice() else {
            return;
        };
        let same: Vec<&Violation> = found
            .iter()
            .filter(|f| f.pointer() == serde.pointer())
            .collect();
        let first = match same.as_slice() {
            [one]
                if one.code() == serde.code()
                    || matches!(
                        (serde.code(), one.code()),
                        ("type", "enum") | ("missing_field", "required")
                    ) =>
            {
                Violation::new(serde.pointer(), serde.code().to_owned(), one.message())
                    .with_secret(serde.is_secret())
            }
            _ => serde.clone(),
        };
        let mut all = vec![first];
        all.extend(found.into_iter().filter(|f| f.pointer() != serde.pointer()));
        *violations = all;
    }
}
