//! The fast path for valid documents: most documents a pipeline checks are valid, and
//! for those nothing but the verdict is needed.
//!
//! The catalog's guess (a key search, no parse) names a type; the document is decoded
//! as that type straight from the bytes (no `serde_json::Value` in between), with its
//! top level recorded on the way, and validated
//! ([`schemas::registry::TypeInfo::valid_bytes_top`]). The guess is taken when type
//! detection on that recorded top level names the same type. Otherwise a quick pass
//! over the top level of the document ([`skeleton`]) tells its type, and it is decoded
//! and validated as that ([`schemas::registry::TypeInfo::is_valid_bytes`]). Only a
//! "valid" is taken; anything else (a syntax error, a repeated key, a decode error, a
//! broken rule) goes down the full path, which finds and places every error. So the
//! fast path can only make a valid verdict faster, never change one: the tests and the
//! fuzz target hold both paths to the same verdict.

// Top-level strings longer than this (encoded) are kept as `""` in the skeleton, as the
// decoder's record keeps them (decoded).
use schemas::strict::LONG_STRING;
use serde_json::{Map, Value};

/// The top level of a document, enough to tell its type: each key with its value when
/// it is a scalar (a string longer than 256 bytes is kept as `""`), or an empty object
/// or array in place of a container; a repeated key keeps its last value. `None` when
/// the bytes are not an object, or the scan finds them malformed. Nested containers
/// are skipped eight bytes at a time and not checked: decoding checks them.
pub fn skeleton(bytes: &[u8]) -> Option<Value> {
    let mut s = Scan { b: bytes, pos: 0 };
    s.ws();
    if s.peek()? != b'{' {
        return None;
    }
    s.pos += 1;
    let mut top = Map::new();
    s.ws();
    if s.peek()? == b'}' {
        s.pos += 1;
    } else {
        loop {
            s.ws();
            if s.peek()? != b'"' {
                return None;
            }
            let key_start = s.pos;
            let (raw, escaped) = s.string()?;
            let key = if escaped {
                serde_json::from_slice::<String>(&bytes[key_start..s.pos]).ok()?
            } else {
                key_string(raw)?
            };
            s.ws();
            if s.peek()? != b':' {
                return None;
            }
            s.pos += 1;
            s.ws();
            let start = s.pos;
            let value = match s.peek()? {
                b'{' => {
                    s.skip_container()?;
                    Value::Object(Map::new())
                }
                b'[' => {
                    s.skip_container()?;
                    Value::Array(Vec::new())
                }
                b'"' => {
                    s.string()?;
                    // A long string (a reservation's `json`) says nothing about the
                    // type: it is kept empty rather than decoded twice.
                    if s.pos - start > LONG_STRING {
                        Value::String(String::new())
                    } else {
                        serde_json::from_slice(&bytes[start..s.pos]).ok()?
                    }
                }
                _ => {
                    s.scalar()?;
                    serde_json::from_slice(&bytes[start..s.pos]).ok()?
                }
            };
            top.insert(key, value);
            s.ws();
            match s.peek()? {
                b',' => s.pos += 1,
                b'}' => {
                    s.pos += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    s.ws();
    (s.pos == bytes.len()).then_some(Value::Object(top))
}

fn key_string(key: &[u8]) -> Option<String> {
    std::str::from_utf8(key).ok().map(str::to_owned)
}

struct Scan<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn ws(&mut self) {
        let b = self.b;
        let mut p = self.pos;
        while p < b.len() && matches!(b[p], b' ' | b'\t' | b'\n' | b'\r') {
            p += 1;
        }
        self.pos = p;
    }

    /// Skips a string; returns its raw contents and whether it has an escape.
    fn string(&mut self) -> Option<(&'a [u8], bool)> {
        let b = self.b;
        let start = self.pos + 1;
        let mut p = start;
        let mut escaped = false;
        loop {
            p = find(
                b,
                p,
                |w| has_byte(w, b'"') | has_byte(w, b'\\'),
                |c| c == b'"' || c == b'\\',
            )?;
            if b[p] == b'"' {
                break;
            }
            escaped = true;
            p += 2;
        }
        self.pos = p + 1;
        Some((&b[start..p], escaped))
    }

    fn scalar(&mut self) -> Option<()> {
        let rest = self.b.get(self.pos..)?;
        let n = rest
            .iter()
            .position(|c| matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(rest.len());
        if n == 0 {
            return None;
        }
        self.pos += n;
        Some(())
    }

    /// Skips an object or an array (nothing in it is checked: decoding does that).
    fn skip_container(&mut self) -> Option<()> {
        let b = self.b;
        let mut p = self.pos;
        let mut depth = 0usize;
        loop {
            // `c | 0x20` folds `[` onto `{` and `]` onto `}`.
            p = find(
                b,
                p,
                |w| {
                    let folded = w | (LO * 0x20);
                    has_byte(w, b'"') | has_byte(folded, b'{') | has_byte(folded, b'}')
                },
                |c| c == b'"' || c | 0x20 == b'{' || c | 0x20 == b'}',
            )?;
            match b[p] {
                b'"' => {
                    self.pos = p;
                    self.string()?;
                    p = self.pos;
                }
                c if c | 0x20 == b'{' => {
                    depth += 1;
                    p += 1;
                }
                _ => {
                    depth = depth.checked_sub(1)?;
                    p += 1;
                    if depth == 0 {
                        self.pos = p;
                        return Some(());
                    }
                }
            }
        }
    }
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// A word whose lowest set high bit marks the first byte of `w` (little endian) equal
/// to `byte` (higher bits may be false positives: only the lowest is used).
fn has_byte(w: u64, byte: u8) -> u64 {
    let x = w ^ (LO * u64::from(byte));
    x.wrapping_sub(LO) & !x & HI
}

/// The first position from `p` whose byte is wanted: eight bytes at a time with
/// `word` (see [`has_byte`]), then one at a time with `byte`.
fn find(
    b: &[u8],
    mut p: usize,
    word: impl Fn(u64) -> u64,
    byte: impl Fn(u8) -> bool,
) -> Option<usize> {
    while p + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[p..p + 8]);
        let m = word(u64::from_le_bytes(w));
        if m != 0 {
            return Some(p + (m.trailing_zeros() / 8) as usize);
        }
        p += 8;
    }
    while p < b.len() {
        if byte(b[p]) {
            return Some(p);
        }
        p += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_the_top_level() {
        let text = br#" {"a": 1, "b": {"x": [1, {"y": "}"}]}, "c": [], "d": "s\"t", "e": null, "f": -1.5e3} "#;
        assert_eq!(
            skeleton(text),
            Some(json!({"a": 1, "b": {}, "c": [], "d": "s\"t", "e": null, "f": -1.5e3}))
        );
        assert_eq!(skeleton(b"{}"), Some(json!({})));
    }

    #[test]
    fn refuses_what_is_not_an_object() {
        for text in [
            &b"[1]"[..],
            b"{",
            br#"{"a": 1,}"#,
            br#"{"a" 1}"#,
            br#"{"a": 1} x"#,
            br#"{"a": [1"#,
            br#"{"a": "x"#,
            b"",
        ] {
            assert_eq!(skeleton(text), None, "{}", String::from_utf8_lossy(text));
        }
        // Escaped keys are decoded; a repeated key keeps its last value (decoding then
        // refuses the document: a struct's repeated field, or the strict decoder for a map).
        assert_eq!(skeleton(br#"{"\u0061": 1, "a": 2}"#), Some(json!({"a": 2})));
        let long = format!(r#"{{"json": "{}"}}"#, "x".repeat(300));
        assert_eq!(skeleton(long.as_bytes()), Some(json!({"json": ""})));
    }

    #[test]
    fn finds_bytes_eight_at_a_time() {
        let text = b"abcdefgh{ijklmnopqrstu\\vwxyz\"0123456789]";
        let quote_or_backslash = |p| {
            find(
                text,
                p,
                |w| has_byte(w, b'"') | has_byte(w, b'\\'),
                |c| c == b'"' || c == b'\\',
            )
        };
        assert_eq!(quote_or_backslash(0), Some(22));
        assert_eq!(quote_or_backslash(23), Some(28));
        assert_eq!(quote_or_backslash(29), None);
        for (i, c) in text.iter().enumerate() {
            let got = find(text, i, |w| has_byte(w, *c), |x| x == *c);
            assert_eq!(got, text[i..].iter().position(|x| x == c).map(|k| k + i));
        }
        // Strings with escaped quotes, nested containers, brackets inside strings.
        let doc = br#"{"a": {"b": ["x\"]}", {"c": "\\"}], "d": 1}, "e": [[]], "f": "]"}"#;
        assert_eq!(skeleton(doc), Some(json!({"a": {}, "e": [], "f": "]"})));
    }
}
