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
use crate::locate::{self, Excerpt, LineIndex};
use crate::schema_walk::SchemaView;
use crate::{fallback, parse};

/// The verdict on one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Parsed, decoded and broke no rule.
    Valid,
    /// Not JSON, of no known type, or breaking a rule.
    Invalid,
    /// Could not be read at all (an I/O error).
    Unreadable,
}

/// One error, placed in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorItem {
    /// JSON Pointer of the offending value (`""` is the whole document).
    pub pointer: String,
    /// 1-based line in the file (`None` when the file could not be read).
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
    /// Stable code: `syntax`, `io`, `unknown_type`, `duplicate_key`, or a validation
    /// code (`range`, `format.cidr`, `unknown_field`, `rule.quorum`, ...).
    pub code: String,
    /// What is wrong, never with a secret's value.
    pub message: String,
    /// The offending line, when asked for, and never for a secret.
    pub excerpt: Option<Excerpt>,
    /// Whether the offending value is a secret (so no excerpt is shown).
    pub secret: bool,
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocReport {
    /// The file as given on the command line (`<stdin>` for standard input).
    pub path: String,
    /// The type it was checked as.
    pub type_name: Option<&'static str>,
    /// The verdict.
    pub status: Status,
    /// Every error, in the order of the input.
    pub errors: Vec<ErrorItem>,
}

impl DocReport {
    /// A document that could not be read.
    pub fn unreadable(path: impl Into<String>, message: impl Into<String>) -> Self {
        DocReport {
            path: path.into(),
            type_name: None,
            status: Status::Unreadable,
            errors: vec![ErrorItem {
                pointer: String::new(),
                line: None,
                column: None,
                code: "io".into(),
                message: message.into(),
                excerpt: None,
                secret: false,
            }],
        }
    }
}

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

/// Errors of one document that get an excerpt (the others still get their position).
const MAX_EXCERPTS: usize = 200;

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
        if let Some(guess) = self.catalog.guess(bytes) {
            if let Some(top) = guess.valid_bytes_top(bytes, &self.options) {
                let top = Value::Object(top);
                if self.catalog.detect(&top).map(TypeInfo::name) == Some(guess.name()) {
                    return self.index_of(guess);
                }
            }
        }
        let skeleton = crate::fast::skeleton(bytes)?;
        let i = self.index_of(self.catalog.detect(&skeleton)?)?;
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

    fn line_has_secret_key(&self, index: &LineIndex<'_>, offset: usize) -> bool {
        let (start, end) = index.line_range(offset);
        let line = String::from_utf8_lossy(index.slice(start, end));
        self.secret_keys().iter().any(|k| line.contains(k.as_str()))
    }

    fn place(
        &self,
        bytes: &[u8],
        value: &Value,
        view: Option<SchemaView<'_>>,
        violations: Vec<Violation>,
        first_line: usize,
    ) -> Vec<ErrorItem> {
        let index = LineIndex::new(bytes);
        let mut secrets = Vec::new();
        if self.excerpts {
            if let Some(view) = view {
                secrets = view.secret_pointers(value);
            }
            embedded_secrets(value, self.secret_keys(), &mut secrets);
        }
        let mut pointers: Vec<&str> = violations.iter().map(Violation::pointer).collect();
        pointers.extend(secrets.iter().map(String::as_str));
        let locs = locate::locate(bytes, &pointers);
        // Secrets, and the values of unknown keys (a misspelt `pasword` holds a
        // secret all the same).
        let unknown = violations
            .iter()
            .zip(&locs)
            .filter(|(v, _)| v.code() == "unknown_field")
            .filter_map(|(_, l)| l.as_ref())
            .filter(|l| l.exact && l.key.is_some());
        let masked: Vec<(usize, usize)> = locs[violations.len()..]
            .iter()
            .flatten()
            .chain(unknown)
            .map(|l| (l.start, l.end))
            .collect();
        let spans: Vec<(usize, usize)> = violations
            .iter()
            .zip(&locs)
            .map(|(v, loc)| {
                let at_key = matches!(v.code(), "unknown_field" | "duplicate_key");
                match loc {
                    Some(l) if at_key => (l.key.unwrap_or(l.start), l.end),
                    Some(l) => (l.start, l.end),
                    None => (0, 0),
                }
            })
            .collect();
        let starts: Vec<usize> = spans.iter().map(|s| s.0).collect();
        let positions = index.positions(&starts);
        let mut excerpts_left = MAX_EXCERPTS;
        let mut errors: Vec<(usize, ErrorItem)> = violations
            .iter()
            .zip(&locs)
            .zip(spans.into_iter().zip(positions))
            .map(|((v, loc), ((start, end), (line, column)))| {
                let at_key = loc.is_some_and(|l| l.key == Some(start) && l.exact);
                let secret = v.is_secret()
                    || view.is_some_and(|s| s.is_secret_at(v.pointer()))
                    || (!at_key && masked.iter().any(|(s, e)| *s <= start && start < *e));
                let excerpt = (self.excerpts && !secret && loc.is_some() && excerpts_left > 0)
                    .then(|| {
                        excerpts_left -= 1;
                        locate::excerpt(&index, (start, end), &masked)
                    });
                let item = ErrorItem {
                    pointer: v.pointer().to_owned(),
                    line: Some(line + first_line - 1),
                    column: Some(column),
                    code: v.code().to_owned(),
                    message: v.message().to_owned(),
                    excerpt,
                    secret,
                };
                (start, item)
            })
            .collect();
        errors.sort_by_key(|(start, _)| *start);
        errors.into_iter().map(|(_, e)| e).collect()
    }
}

/// Adds the pointers of strings that name a secret key: a document embedded as text
/// (a reservation's `json` holds its data, secrets included) is masked whole in
/// excerpts.
fn embedded_secrets(value: &Value, keys: &BTreeSet<String>, out: &mut Vec<String>) {
    if keys.is_empty() {
        return;
    }
    let mut stack = vec![(value, String::new())];
    while let Some((v, pointer)) = stack.pop() {
        match v {
            Value::String(s) if keys.iter().any(|k| s.contains(k.as_str())) => out.push(pointer),
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    stack.push((item, format!("{pointer}/{i}")));
                }
            }
            Value::Object(m) => {
                for (k, item) in m {
                    let mut p = pointer.clone();
                    schemas::push_token(&mut p, k);
                    stack.push((item, p));
                }
            }
            _ => {}
        }
    }
}

/// Whether `check` stopped at decoding: one serde error, and the value indeed does not
/// decode.
fn decode_failed(violations: &[Violation], info: &TypeInfo, value: &Value) -> bool {
    matches!(violations, [v] if matches!(
        v.code(),
        "type" | "unknown_field" | "missing_field" | "duplicate_field" | "enum"
    )) && info.round_trip(value).is_err()
}

/// serde's "invalid type: floating, expected i64" for an integer beyond the range of
/// the field (`serde_json` reads such a number as a float), in words.
fn explain_integer(v: Violation) -> Violation {
    let Some(ty) = v
        .message()
        .strip_prefix("invalid type: floating, expected ")
    else {
        return v;
    };
    let range = match ty {
        "i8" => (i8::MIN.to_string(), i8::MAX.to_string()),
        "i16" => (i16::MIN.to_string(), i16::MAX.to_string()),
        "i32" => (i32::MIN.to_string(), i32::MAX.to_string()),
        "i64" => (i64::MIN.to_string(), i64::MAX.to_string()),
        "u8" => ("0".into(), u8::MAX.to_string()),
        "u16" => ("0".into(), u16::MAX.to_string()),
        "u32" => ("0".into(), u32::MAX.to_string()),
        "u64" => ("0".into(), u64::MAX.to_string()),
        _ => return v,
    };
    let message = format!("must be an integer from {} to {}", range.0, range.1);
    Violation::new(v.pointer(), "range", message).with_secret(v.is_secret())
}

fn unknown_type(value: &Value) -> Violation {
    let message = match value {
        Value::Object(_) => {
            "cannot tell which type this document is; name it with --type NAME \
             (`zos-schema types` lists them)"
        }
        Value::Array(_) => "expected a JSON object, found an array",
        Value::String(_) => "expected a JSON object, found a string",
        Value::Number(_) => "expected a JSON object, found a number",
        Value::Bool(_) => "expected a JSON object, found a boolean",
        Value::Null => "expected a JSON object, found null",
    };
    Violation::new("", "unknown_type", message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    fn lines(doc: &DocReport) -> Vec<String> {
        doc.errors
            .iter()
            .map(|e| {
                let mut s = format!(
                    "{}:{} {} [{}] {}",
                    e.line.unwrap_or(0),
                    e.column.unwrap_or(0),
                    if e.pointer.is_empty() {
                        "(root)"
                    } else {
                        &e.pointer
                    },
                    e.code,
                    e.message
                );
                if let Some(x) = &e.excerpt {
                    s.push_str(&format!(" | {} | {}+{}", x.text, x.caret_at, x.caret_len));
                }
                s
            })
            .collect()
    }

    #[test]
    fn valid_and_invalid_documents() {
        let catalog = testing::catalog();
        let checker = Checker::new(&catalog, Options::new(), None, true);
        let ok = checker.check("a.json", br#"{"kind": "disk", "size": 5, "key": "ab"}"#, 1);
        assert_eq!((ok.status, ok.type_name), (Status::Valid, Some("Disk")));
        let text = "{\n  \"kind\": \"disk\",\n  \"size\": 200, \"key\": \"zz-secret\",\n  \"ranges\": [\"10.0.0.0/8\", \"10.0.0.0/40\"]\n}";
        let bad = checker.check("b.json", text.as_bytes(), 1);
        assert_eq!(bad.status, Status::Invalid);
        assert_eq!(
            lines(&bad),
            [
                "3:11 /size [range] must be at most 100, got 200 |   \"size\": 200, \"key\": \"***\", | 10+3",
                "3:23 /key [format.hex] must be hexadecimal bytes",
                "4:28 /ranges/1 [format.cidr] must be an IP range in CIDR notation |   \"ranges\": [\"10.0.0.0/8\", \"10.0.0.0/40\"] | 27+13",
            ]
        );
        let all = format!("{bad:?}");
        assert!(!all.contains("zz-secret"), "{all}");
    }

    #[test]
    fn undecodable_documents_list_every_structural_error() {
        let catalog = testing::catalog();
        let checker = Checker::new(&catalog, Options::new(), None, true);
        let text = r#"{"kind": "disk", "size": "big", "key": 5, "extra": 1, "ranges": [1, "x"]}"#;
        let doc = checker.check("c.json", text.as_bytes(), 7);
        assert_eq!(
            lines(&doc),
            [
                "7:26 /size [type] must be an integer, not a string | {\"kind\": \"disk\", \"size\": \"big\", \"key\": \"***\", \"extra\": \"***\", \"ranges\": [1, \"x\"]} | 25+5",
                "7:40 /key [type] must be a string, not an integer",
                "7:43 /extra [unknown_field] unknown field `extra`; expected one of: kind, size, key, ranges | …\": \"disk\", \"size\": \"big\", \"key\": \"***\", \"extra\": \"***\", \"ranges\": [1, \"x\"]} | 41+14",
                "7:66 /ranges/0 [type] must be a string, not an integer | …key\": \"***\", \"extra\": \"***\", \"ranges\": [1, \"x\"]} | 41+1",
                "7:69 /ranges/1 [format.cidr] must be an IP range in CIDR notation | …\": \"***\", \"extra\": \"***\", \"ranges\": [1, \"x\"]} | 41+3",
            ]
        );
    }

    #[test]
    fn syntax_unknown_type_and_duplicates() {
        let catalog = testing::catalog();
        let checker = Checker::new(&catalog, Options::new(), None, false);
        let doc = checker.check("d.json", b"{\n  \"kind\": tru\n}", 1);
        assert_eq!(lines(&doc), ["2:14 (root) [syntax] expected ident"]);
        let doc = checker.check("d.json", b"", 1);
        assert_eq!(lines(&doc), ["1:1 (root) [syntax] the document is empty"]);
        let doc = checker.check("d.json", b"[1]", 1);
        assert_eq!(
            lines(&doc),
            ["1:1 (root) [unknown_type] expected a JSON object, found an array"]
        );
        let doc = checker.check("d.json", br#"{"kind": "tag", "name": "", "name": "b"}"#, 1);
        assert_eq!(doc.status, Status::Invalid);
        assert_eq!(
            lines(&doc),
            ["1:29 /name [duplicate_key] this key appears more than once in its object; only its last value is read"]
        );
        let forced = Checker::new(&catalog, Options::new(), Some("Tag"), false);
        let doc = forced.check("e.json", br#"{"kind": "disk"}"#, 1);
        assert_eq!(doc.type_name, Some("Tag"));
        assert_eq!(
            lines(&doc),
            [
                "1:1 (root) [missing_field] missing required field `name`",
                "1:10 /kind [enum] must be \"tag\""
            ]
        );
    }

    #[test]
    fn a_syntax_error_on_a_line_with_a_secret_has_no_excerpt() {
        let catalog = testing::catalog();
        let checker = Checker::new(&catalog, Options::new(), None, true);
        let doc = checker.check("f.json", br#"{"key": "abcd" "size": 1}"#, 1);
        assert_eq!(doc.errors[0].code, "syntax");
        assert_eq!(doc.errors[0].excerpt, None);
        let doc = checker.check("f.json", br#"{"size": 1 "kind": 1}"#, 1);
        assert!(doc.errors[0].excerpt.is_some());
    }
}
