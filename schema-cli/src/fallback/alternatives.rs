//! An `anyOf`/`oneOf` that no branch matched, told as the one error its branches agree
//! on: an enum, a union of types or formats, or what the one plausible branch says.

use jsonschema::error::ValidationErrorKind;
use jsonschema::ValidationError;
use schemas::formats::Format;
use schemas::Violation;

use super::map::{map_error, pointer_of};
use super::words::{expected_types, type_message};
use crate::schema_walk::SchemaView;

/// `anyOf`/`oneOf` that no branch matched: report what the one plausible branch says,
/// or the union of types when every branch failed on its type, or the allowed values of
/// an enum.
pub(super) fn alternatives(
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
