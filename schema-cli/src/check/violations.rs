//! The violations the checker words itself: a document of no known type, and an
//! integer beyond its field's range, plus the test for a decode that stopped early.

use schemas::registry::TypeInfo;
use schemas::Violation;
use serde_json::Value;

/// Whether `check` stopped at decoding: one serde error, and the value indeed does not
/// decode.
pub(super) fn decode_failed(violations: &[Violation], info: &TypeInfo, value: &Value) -> bool {
    matches!(violations, [v] if matches!(
        v.code(),
        "type" | "unknown_field" | "missing_field" | "duplicate_field" | "enum"
    )) && info.round_trip(value).is_err()
}

/// serde's "invalid type: floating, expected i64" for an integer beyond the range of
/// the field (`serde_json` reads such a number as a float), in words.
pub(super) fn explain_integer(v: Violation) -> Violation {
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

pub(super) fn unknown_type(value: &Value) -> Violation {
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
