//! One `jsonschema` error in our codes and words: a keyword each, with the bound, type
//! or allowed values the schema gives.

use jsonschema::error::ValidationErrorKind;
use jsonschema::ValidationError;
use schemas::formats::Format;
use schemas::Violation;
use serde_json::Value;

use super::alternatives::alternatives;
use super::words::{expected_types, min_code, plural, type_message, unknown_field_message};
use crate::schema_walk::SchemaView;

pub(super) fn pointer_of(error: &ValidationError<'_>) -> String {
    error.instance_path().as_str().to_owned()
}

pub(super) fn map_error(
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
