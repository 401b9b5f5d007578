//! Every structural error of a document that does not decode: serde stops at the first
//! one, so such a document is also validated with the `jsonschema` crate against our
//! emitted schema, and its errors are put in our codes and our words.
//!
//! Messages are written here from the schema side only (bounds, types, allowed values),
//! never from the instance, so no value, secret or not, is echoed.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError, Validator};
use schemas::formats::Format;
use schemas::Violation;
use serde_json::Value;

use crate::schema_walk::SchemaView;

/// Compiles `schema` with format validation on and our checks for every format
/// `#[schema(format = ...)]` knows (so both views agree on what `cidr` means).
pub fn compile(schema: &Value) -> Result<Validator, String> {
    let mut options = jsonschema::options().should_validate_formats(true);
    for format in Format::ALL {
        let f = *format;
        options = options.with_format(f.name(), move |s: &str| f.check(s));
    }
    options.build(schema).map_err(|e| e.to_string())
}

/// The violations `validator` finds in `doc`, in our codes, without duplicates.
pub fn violations(validator: &Validator, view: SchemaView<'_>, doc: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    for error in validator.iter_errors(doc) {
        map_error(&error, view, &mut out, 0);
    }
    // An enum's message lists its values, which says more than its type.
    let enums: std::collections::HashSet<String> = out
        .iter()
        .filter(|v| v.code() == "enum")
        .map(|v| v.pointer().to_owned())
        .collect();
    out.retain(|v| !(v.code() == "type" && enums.contains(v.pointer())));
    let mut seen = std::collections::HashSet::new();
    out.retain(|v| {
        seen.insert((
            v.pointer().to_owned(),
            v.code().to_owned(),
            v.message().to_owned(),
        ))
    });
    out
}

fn json_type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a number with a fraction or exponent",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn article(t: JsonType) -> &'static str {
    match t {
        JsonType::Null => "null",
        JsonType::Boolean => "a boolean",
        JsonType::Integer => "an integer",
        JsonType::Number => "a number",
        JsonType::String => "a string",
        JsonType::Array => "an array",
        JsonType::Object => "an object",
    }
}

fn expected_types(kind: &TypeKind, into: &mut Vec<JsonType>) {
    match kind {
        TypeKind::Single(t) => {
            if !into.contains(t) {
                into.push(*t)
            }
        }
        TypeKind::Multiple(set) => {
            for t in set.iter() {
                if !into.contains(&t) {
                    into.push(t)
                }
            }
        }
    }
}

fn type_message(expected: &[JsonType], instance: &Value) -> String {
    // `null` last: "a string or null".
    let mut expected = expected.to_vec();
    expected.sort_by_key(|t| *t == JsonType::Null);
    let names: Vec<&str> = expected.iter().map(|t| article(*t)).collect();
    let expected = match names.as_slice() {
        [] => "of another type".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    format!("must be {expected}, not {}", json_type_of(instance))
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn pointer_of(error: &ValidationError<'_>) -> String {
    error.instance_path().as_str().to_owned()
}

fn map_error(
    error: &ValidationError<'_>,
    view: SchemaView<'_>,
    out: &mut Vec<Violation>,
    depth: usize,
) {
    let pointer = pointer_of(error);
    let push = |out: &mut Vec<Violation>, code: String, message: String| {
        out.push(Violation::new(pointer.clone(), code, message));
    };
    match error.kind() {
        ValidationErrorKind::Type { kind } => {
            let mut expected = Vec::new();
            expected_types(kind, &mut expected);
            push(
                out,
                "type".into(),
                type_message(&expected, error.instance()),
            );
        }
        ValidationErrorKind::Required { property } => {
            let name = property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_owned);
            push(
                out,
                "required".into(),
                format!("missing required field `{name}`"),
            );
        }
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let known = view.known_keys(&pointer);
            for key in unexpected {
                let mut p = pointer.clone();
                schemas::push_token(&mut p, key);
                let message = unknown_field_message(key, &known);
                out.push(Violation::new(p, "unknown_field", message));
            }
        }
        ValidationErrorKind::Enum { options } => {
            let list = match options.as_ref() {
                Value::Array(a) => a
                    .iter()
                    .map(Value::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            push(out, "enum".into(), format!("must be one of: {list}"));
        }
        ValidationErrorKind::Constant { expected_value } => {
            push(out, "enum".into(), format!("must be {expected_value}"));
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            alternatives(error, context, view, out, depth);
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => {
            push(
                out,
                "one_of".into(),
                "matches more than one of the allowed forms".into(),
            );
        }
        ValidationErrorKind::Minimum { limit } => {
            push(out, "range".into(), format!("must be at least {limit}"))
        }
        ValidationErrorKind::Maximum { limit } => {
            push(out, "range".into(), format!("must be at most {limit}"))
        }
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            push(out, "range".into(), format!("must be greater than {limit}"))
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            push(out, "range".into(), format!("must be less than {limit}"))
        }
        ValidationErrorKind::MinLength { limit } => push(
            out,
            min_code(*limit),
            format!(
                "must be at least {} long",
                plural(*limit, "character", "characters")
            ),
        ),
        ValidationErrorKind::MaxLength { limit } => push(
            out,
            "length".into(),
            format!(
                "must be at most {} long",
                plural(*limit, "character", "characters")
            ),
        ),
        ValidationErrorKind::MinItems { limit } => push(
            out,
            min_code(*limit),
            format!("must have at least {}", plural(*limit, "item", "items")),
        ),
        ValidationErrorKind::MaxItems { limit } => push(
            out,
            "length".into(),
            format!("must have at most {}", plural(*limit, "item", "items")),
        ),
        ValidationErrorKind::MinProperties { limit } => push(
            out,
            min_code(*limit),
            format!("must have at least {}", plural(*limit, "entry", "entries")),
        ),
        ValidationErrorKind::MaxProperties { limit } => push(
            out,
            "length".into(),
            format!("must have at most {}", plural(*limit, "entry", "entries")),
        ),
        ValidationErrorKind::AdditionalItems { limit } => push(
            out,
            "length".into(),
            format!(
                "must have at most {}",
                plural(*limit as u64, "item", "items")
            ),
        ),
        ValidationErrorKind::UnevaluatedItems { .. } => {
            push(out, "length".into(), "has more items than allowed".into())
        }
        ValidationErrorKind::Pattern { pattern } => push(
            out,
            "pattern".into(),
            format!("must match the pattern `{pattern}`"),
        ),
        ValidationErrorKind::BacktrackLimitExceeded { .. }
        | ValidationErrorKind::RegexEngineFailure { .. } => push(
            out,
            "pattern".into(),
            "could not be matched against its pattern".into(),
        ),
        ValidationErrorKind::Format { format } => {
            let (code, what) = match Format::from_name(format) {
                Some(f) => (f.code().to_owned(), f.describe().to_owned()),
                None => (
                    format!("format.{format}"),
                    format!("in the format `{format}`"),
                ),
            };
            push(out, code, format!("must be {what}"));
        }
        ValidationErrorKind::UniqueItems => {
            push(out, "unique".into(), "items must be unique".into())
        }
        ValidationErrorKind::MultipleOf { multiple_of } => push(
            out,
            "multiple_of".into(),
            format!("must be a multiple of {multiple_of}"),
        ),
        ValidationErrorKind::Contains => push(
            out,
            "contains".into(),
            "has no item of the required form".into(),
        ),
        ValidationErrorKind::ContentEncoding { content_encoding } => push(
            out,
            "format".into(),
            format!("must be encoded as {content_encoding}"),
        ),
        ValidationErrorKind::ContentMediaType { content_media_type } => push(
            out,
            "format".into(),
            format!("must be of media type {content_media_type}"),
        ),
        ValidationErrorKind::FromUtf8 { .. } => {
            push(out, "format".into(), "must decode to UTF-8 text".into())
        }
        ValidationErrorKind::Not { .. } => push(
            out,
            "not".into(),
            "matches a form that is not allowed".into(),
        ),
        ValidationErrorKind::FalseSchema => {
            push(out, "not_allowed".into(), "no value is allowed here".into())
        }
        ValidationErrorKind::PropertyNames { .. } => push(
            out,
            "property_name".into(),
            "has a key that is not allowed".into(),
        ),
        ValidationErrorKind::Custom { keyword, message } => {
            push(out, format!("custom.{keyword}"), message.clone())
        }
        ValidationErrorKind::Referencing(_) => push(
            out,
            "schema".into(),
            "the schema could not be resolved here".into(),
        ),
    }
}

/// "unknown field `x`", with the closest known key when it looks like a misspelling,
/// or the known keys when there are few.
pub fn unknown_field_message(key: &str, known: &[String]) -> String {
    let closest = known
        .iter()
        .map(|k| (edit_distance(key, k), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d);
    match closest {
        Some((_, k)) => format!("unknown field `{key}`; did you mean `{k}`?"),
        None if known.is_empty() => format!("unknown field `{key}`"),
        None if known.len() <= 12 => {
            format!(
                "unknown field `{key}`; expected one of: {}",
                known.join(", ")
            )
        }
        None => format!(
            "unknown field `{key}`; not one of the {} fields of this object",
            known.len()
        ),
    }
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn min_code(limit: u64) -> String {
    if limit == 1 { "non_empty" } else { "length" }.to_owned()
}

/// `anyOf`/`oneOf` that no branch matched: report what the one plausible branch says,
/// or the union of types when every branch failed on its type, or the allowed values of
/// an enum.
fn alternatives(
    error: &ValidationError<'_>,
    context: &[Vec<ValidationError<'static>>],
    view: SchemaView<'_>,
    out: &mut Vec<Violation>,
    depth: usize,
) {
    let pointer = pointer_of(error);
    let here = |e: &ValidationError<'_>| e.instance_path().as_str() == pointer;
    let all_const = !context.is_empty()
        && context.iter().all(|b| {
            !b.is_empty()
                && b.iter()
                    .all(|e| here(e) && matches!(e.kind(), ValidationErrorKind::Constant { .. }))
        });
    if all_const {
        let list = view.enum_values(&pointer).unwrap_or_else(|| {
            context
                .iter()
                .flatten()
                .filter_map(|e| match e.kind() {
                    ValidationErrorKind::Constant { expected_value } => {
                        Some(expected_value.to_string())
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(", ")
        });
        out.push(Violation::new(
            pointer,
            "enum",
            format!("must be one of: {list}"),
        ));
        return;
    }
    let type_only = |b: &Vec<ValidationError<'static>>| {
        b.len() == 1 && here(&b[0]) && matches!(b[0].kind(), ValidationErrorKind::Type { .. })
    };
    // A branch that is one constant (`""` for "unset") is an exception, not a form.
    let const_only = |b: &Vec<ValidationError<'static>>| {
        !b.is_empty()
            && b.iter()
                .all(|e| here(e) && matches!(e.kind(), ValidationErrorKind::Constant { .. }))
    };
    let exceptions: Vec<String> = context
        .iter()
        .filter(|b| const_only(b))
        .flatten()
        .filter_map(|e| match e.kind() {
            ValidationErrorKind::Constant { expected_value } => Some(expected_value.to_string()),
            _ => None,
        })
        .collect();
    let plausible: Vec<&Vec<ValidationError<'static>>> = context
        .iter()
        .filter(|b| !type_only(b) && !const_only(b))
        .collect();
    match plausible.as_slice() {
        [] => {
            let mut expected = Vec::new();
            for b in context {
                if let ValidationErrorKind::Type { kind } = b[0].kind() {
                    expected_types(kind, &mut expected);
                }
            }
            out.push(Violation::new(
                pointer,
                "type",
                type_message(&expected, error.instance()),
            ));
        }
        many if many.len() > 1
            && many.iter().all(|b| {
                b.iter()
                    .all(|e| here(e) && matches!(e.kind(), ValidationErrorKind::Format { .. }))
            }) =>
        {
            // Several formats (an IP address or a host name): one error naming them all.
            let mut names: Vec<&str> = Vec::new();
            for e in many.iter().copied().flatten() {
                if let ValidationErrorKind::Format { format } = e.kind() {
                    if !names.contains(&format.as_str()) {
                        names.push(format);
                    }
                }
            }
            let what: Vec<String> = names
                .iter()
                .map(|n| {
                    Format::from_name(n).map_or_else(
                        || format!("in the format `{n}`"),
                        |f| f.describe().to_owned(),
                    )
                })
                .collect();
            let mut message = format!("must be {}", what.join(" or "));
            if !exceptions.is_empty() {
                message.push_str(&format!(" (or {})", exceptions.join(" or ")));
            }
            out.push(Violation::new(pointer, "format", message));
        }
        [one] if depth < 32 => {
            let from = out.len();
            for e in one.iter() {
                map_error(e, view, out, depth + 1);
            }
            if !exceptions.is_empty() {
                let or = format!(" (or {})", exceptions.join(" or "));
                for v in &mut out[from..] {
                    if v.pointer() == pointer {
                        *v = Violation::new(
                            v.pointer(),
                            v.code().to_owned(),
                            format!("{}{or}", v.message()),
                        );
                    }
                }
            }
        }
        _ => {
            out.push(Violation::new(
                pointer,
                "one_of",
                "does not match any of the allowed forms",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(schema: &Value, doc: &Value) -> Vec<String> {
        let v = compile(schema).unwrap();
        violations(&v, SchemaView::new(schema), doc)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn maps_every_error_without_values() {
        let schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "cpu": { "type": "integer", "minimum": 1, "maximum": 32 },
                "ip": { "type": "string", "format": "ip" },
                "range": { "type": ["string", "null"], "format": "cidr" },
                "net": { "type": "string", "anyOf": [{ "const": "" }, { "format": "cidr" }] },
                "host": { "type": "string", "anyOf": [{ "const": "" }, { "format": "ip" }, { "format": "hostname" }] },
                "kind": { "anyOf": [{ "$ref": "#/$defs/Kind" }, { "type": "null" }] },
                "tags": { "type": "array", "items": { "type": "string", "minLength": 1 }, "uniqueItems": true },
                "key": { "type": "string", "pattern": "^[0-9a-f]{4}$", "writeOnly": true }
            },
            "required": ["cpu"],
            "$defs": { "Kind": { "type": "integer", "oneOf": [{ "const": 0, "title": "hdd" }, { "const": 1, "title": "ssd" }] } }
        });
        let doc = json!({ "ip": "999.1.1.1", "range": "10.0.0.0/40", "kind": 7, "net": "x", "host": "-x-",
            "tags": ["", "a", "a"], "key": "hunter2", "extra": 1 });
        let got = run(&schema, &doc);
        let text = got.join("\n");
        for secret in ["999", "10.0.0.0", "hunter2"] {
            assert!(!text.contains(secret), "{text}");
        }
        insta_like(&got, &[
            "/extra: unknown field `extra`; expected one of: cpu, ip, range, net, host, kind, tags, key [unknown_field]",
            "/host: must be an IP address or a host name (or \"\") [format]",
            "/net: must be an IP range in CIDR notation (or \"\") [format.cidr]",
            "(root): missing required field `cpu` [required]",
            "/ip: must be an IP address [format.ip]",
            "/range: must be an IP range in CIDR notation [format.cidr]",
            "/kind: must be one of: 0 (hdd), 1 (ssd) [enum]",
            "/tags: items must be unique [unique]",
            "/tags/0: must be at least 1 character long [non_empty]",
            "/key: must match the pattern `^[0-9a-f]{4}$` [pattern]",
        ]);
        let doc = json!({ "cpu": 64, "kind": "ssd", "range": 5 });
        insta_like(
            &run(&schema, &doc),
            &[
                "/cpu: must be at most 32 [range]",
                "/range: must be a string or null, not an integer [type]",
                "/kind: must be one of: 0 (hdd), 1 (ssd) [enum]",
            ],
        );
    }

    #[test]
    fn unknown_fields_suggest_the_closest_key() {
        let known: Vec<String> = ["hub_url", "flist", "size"].map(String::from).to_vec();
        assert_eq!(
            unknown_field_message("hub_ur", &known),
            "unknown field `hub_ur`; did you mean `hub_url`?"
        );
        assert_eq!(
            unknown_field_message("sizes", &known),
            "unknown field `sizes`; did you mean `size`?"
        );
        assert_eq!(
            unknown_field_message("zzz", &known),
            "unknown field `zzz`; expected one of: hub_url, flist, size"
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    fn insta_like(got: &[String], want: &[&str]) {
        let mut got = got.to_vec();
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }
}
