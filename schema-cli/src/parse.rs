//! Bytes to a JSON value: `serde_json`'s parser (and its recursion limit), plus the
//! duplicate keys it would silently drop.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// A parsed document and the JSON Pointers of every key that appeared twice in its
/// object (the later occurrence; the value that was kept is the last one, as in
/// `serde_json` and Go's `encoding/json`).
#[derive(Debug)]
pub struct Parsed {
    /// The document.
    pub value: Value,
    /// Pointers of repeated keys, in document order.
    pub duplicates: Vec<String>,
}

/// Why the bytes are not one JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the offending byte.
    pub line: usize,
    /// 1-based column of the offending byte, counted in bytes (as `serde_json` does);
    /// 0 when the error is at the line break that ends the line before.
    pub byte_column: usize,
    /// What is wrong, without the position.
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} byte {}",
            self.message, self.line, self.byte_column
        )
    }
}

/// Parses one JSON document. Nesting deeper than 128 levels is a syntax error
/// (`serde_json`'s limit), so no input can exhaust the stack.
pub fn parse(bytes: &[u8]) -> Result<Parsed, SyntaxError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        let line = 1 + bytes.iter().filter(|b| **b == b'\n').count();
        return Err(SyntaxError {
            line,
            byte_column: 1,
            message: "the document is empty".into(),
        });
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut duplicates = Vec::new();
    let value = ValueSeed {
        duplicates: &mut duplicates,
    }
    .deserialize(&mut de)
    .map_err(syntax_error)?;
    de.end().map_err(syntax_error)?;
    Ok(Parsed { value, duplicates })
}

fn syntax_error(e: serde_json::Error) -> SyntaxError {
    let mut message = e.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    SyntaxError {
        line: e.line().max(1),
        byte_column: e.column(),
        message,
    }
}

/// Builds a [`Value`] like `serde_json`'s own visitor, and records repeated keys.
struct ValueSeed<'a> {
    duplicates: &'a mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// Puts `token` (already a pointer fragment such as `/3` or `/name`) in front of the
/// pointers recorded since `from`.
fn prefix(duplicates: &mut [String], from: usize, token: &str) {
    for d in duplicates.iter_mut().skip(from) {
        d.insert_str(0, token);
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        loop {
            let before = self.duplicates.len();
            let item = seq.next_element_seed(ValueSeed {
                duplicates: &mut *self.duplicates,
            })?;
            let Some(item) = item else { break };
            if self.duplicates.len() > before {
                prefix(self.duplicates, before, &format!("/{}", items.len()));
            }
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let before = self.duplicates.len();
            let value = access.next_value_seed(ValueSeed {
                duplicates: &mut *self.duplicates,
            })?;
            let nested = self.duplicates.len() > before;
            let repeated = map.contains_key(&key);
            if nested || repeated {
                let mut token = String::new();
                schemas::push_token(&mut token, &key);
                if nested {
                    prefix(self.duplicates, before, &token);
                }
                if repeated {
                    self.duplicates.push(token);
                }
            }
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_like_serde_json() {
        let text =
            br#"{"a": [1, -2, 3.5, "x\n", null, true, {"b": {}}], "c": 18446744073709551615}"#;
        let p = parse(text).unwrap();
        let expected: Value = serde_json::from_slice(text).unwrap();
        assert_eq!(p.value, expected);
        assert!(p.duplicates.is_empty());
    }

    #[test]
    fn records_duplicates_with_their_pointer() {
        let text = br#"{"a": 1, "b": [{"x": 1, "x": 2}], "a": 3, "c/d": {"e": 0, "e": 1}}"#;
        let p = parse(text).unwrap();
        assert_eq!(p.value["a"], json!(3));
        assert_eq!(p.value["b"][0]["x"], json!(2));
        assert_eq!(p.duplicates, ["/b/0/x", "/a", "/c~1d/e"]);
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse(b"{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((e.line, e.byte_column), (3, 0));
        assert_eq!(e.message, "expected ident");
        let e = parse(b"  \n ").unwrap_err();
        assert_eq!((e.line, e.byte_column), (2, 1));
        assert_eq!(e.message, "the document is empty");
        let e = parse(b"{} x").unwrap_err();
        assert_eq!(e.message, "trailing characters");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let mut text = vec![b'['; 100_000];
        text.extend(vec![b']'; 100_000]);
        let e = parse(&text).unwrap_err();
        assert_eq!(e.message, "recursion limit exceeded");
    }

    #[test]
    fn numbers_out_of_range() {
        assert_eq!(parse(b"1e400").unwrap_err().message, "number out of range");
        // Beyond u64: serde_json reads a float, the typed check then rejects it.
        assert!(parse(b"18446744073709551616").unwrap().value.is_f64());
    }

    #[test]
    fn invalid_utf8_in_a_string() {
        let e = parse(b"{\"a\": \"\xff\"}").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(
            e.message.contains("UTF-8") || e.message.contains("unicode"),
            "{e}"
        );
    }
}
