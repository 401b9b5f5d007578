//! The words of the messages: JSON type names, plurals, size codes, and the unknown
//! field message with its closest known key.

use jsonschema::error::TypeKind;
use jsonschema::JsonType;
use serde_json::Value;

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

pub(super) fn expected_types(kind: &TypeKind, into: &mut Vec<JsonType>) {
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

pub(super) fn type_message(expected: &[JsonType], instance: &Value) -> String {
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

pub(super) fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

pub(super) fn min_code(limit: u64) -> String {
    if limit == 1 { "non_empty" } else { "length" }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
