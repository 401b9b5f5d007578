//! The top level of a document, recorded while the document is decoded: what a
//! caller that tells document types apart by their top-level keys needs, without a
//! second pass over the bytes.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    Visitor,
};
use serde_json::{Map, Value};

use super::keys::KeySeed;
use super::Strict;

/// Top-level strings longer than this many bytes are recorded as `""`: a long string
/// (a reservation's `json`) never tells a type, and is not worth a copy.
pub const LONG_STRING: usize = 256;

/// Decodes `T` from `bytes` as [`Strict::with_unique_keys`] over `serde_json` does (the
/// input must hold exactly one document), and records the document's top level on the
/// way: each member's key with its value when it is a scalar (a string longer than
/// [`LONG_STRING`] bytes as `""`), or `{}` / `[]` in place of an object or an array.
///
/// The record is `None` when the top level was not decoded as a struct, or when a
/// member's value was not seen whole (one the decoder skipped, or decoded from
/// something other than a JSON scalar, object or array).
pub fn from_slice_with_top<T: DeserializeOwned>(
    bytes: &[u8],
) -> Result<(T, Option<Map<String, Value>>), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut record = Record {
        // Room for the members of any registered type: no rehashing while recording.
        top: Map::with_capacity(32),
        seen: false,
        whole: true,
    };
    let value = T::deserialize(TopDe {
        de: Strict::with_unique_keys(&mut de),
        record: &mut record,
    })?;
    de.end()?;
    let Record { top, seen, whole } = record;
    Ok((value, (seen && whole).then_some(top)))
}

/// What has been recorded so far.
struct Record {
    top: Map<String, Value>,
    /// The top level was decoded as a map.
    seen: bool,
    /// Every member so far was recorded.
    whole: bool,
}

/// The top-level deserializer: a struct's members are recorded, anything else passes.
struct TopDe<'r, D> {
    de: D,
    record: &'r mut Record,
}

macro_rules! forward_unrecorded {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.de.$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for TopDe<'_, D> {
    type Error = D::Error;

    with_deserialize_methods!(forward_unrecorded);

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = TopVisit {
            inner: visitor,
            record: self.record,
        };
        self.de.deserialize_struct(name, fields, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// The top-level struct's visitor: its map access records each member.
struct TopVisit<'r, V> {
    inner: V,
    record: &'r mut Record,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for TopVisit<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.record.seen = true;
        self.inner.visit_map(TopAccess {
            access: map,
            record: self.record,
            key: None,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(seq)
    }
}

/// The top-level map: each key, then the value decoded under that key, is recorded.
struct TopAccess<'r, A> {
    access: A,
    record: &'r mut Record,
    key: Option<String>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TopAccess<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mut key = None;
        let value = self.access.next_key_seed(KeySeed {
            seed,
            key: &mut key,
        })?;
        self.key = key;
        Ok(value)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let mut slot = None;
        let value = self.access.next_value_seed(ValueSeed {
            seed,
            slot: &mut slot,
        })?;
        match (self.key.take(), slot) {
            (Some(key), Some(seen)) => {
                self.record.top.insert(key, seen);
            }
            _ => self.record.whole = false,
        }
        Ok(value)
    }

    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

/// A top-level value's seed: its deserializer records what it gives the visitor.
struct ValueSeed<'s, S> {
    seed: S,
    slot: &'s mut Option<Value>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for ValueSeed<'_, S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(ValueDe {
            de: d,
            slot: self.slot,
        })
    }
}

struct ValueDe<'s, D> {
    de: D,
    slot: &'s mut Option<Value>,
}

/// One forwarding method of [`ValueDe`]: a skipped value (`deserialize_ignored_any`)
/// is not recorded, since its visitor only hears `()`.
macro_rules! forward_value_method {
    (deserialize_ignored_any()) => {
        fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.de.deserialize_ignored_any(visitor)
        }
    };
    ($method:ident($($arg:ident: $ty:ty),*)) => {
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.de.$method($($arg,)* ValueVisit { inner: visitor, slot: self.slot })
        }
    };
}

macro_rules! forward_value {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        forward_value_method!($method($($arg: $ty),*));
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ValueDe<'_, D> {
    type Error = D::Error;

    with_deserialize_methods!(forward_value;
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
    );

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// A top-level value's visitor: records the JSON value it is given (a container as
/// empty), then passes it on. What JSON cannot give (bytes, small integer types, an
/// enum) passes unrecorded.
struct ValueVisit<'s, V> {
    inner: V,
    slot: &'s mut Option<Value>,
}

macro_rules! record_scalar {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            *self.slot = Some(Value::from(v));
            self.inner.$method(v)
        }
    )*};
}

macro_rules! pass_unrecorded {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

fn short(s: &str) -> Value {
    Value::String(if s.len() > LONG_STRING {
        String::new()
    } else {
        s.to_owned()
    })
}

impl<'de, V: Visitor<'de>> Visitor<'de> for ValueVisit<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    record_scalar! {
        visit_bool(bool);
        visit_i64(i64);
        visit_u64(u64);
        visit_f64(f64);
    }

    pass_unrecorded! {
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u128(u128);
        visit_f32(f32);
        visit_char(char);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        *self.slot = Some(short(v));
        self.inner.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.slot = Some(short(v));
        self.inner.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.slot = Some(short(&v));
        self.inner.visit_string(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        *self.slot = Some(Value::Null);
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        *self.slot = Some(Value::Null);
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(ValueDe {
            de: d,
            slot: self.slot,
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(ValueDe {
            de: d,
            slot: self.slot,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        *self.slot = Some(Value::Array(Vec::new()));
        self.inner.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        *self.slot = Some(Value::Object(Map::new()));
        self.inner.visit_map(map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(data)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde_json::{json, Value};

    use super::from_slice_with_top;

    #[derive(Deserialize, Debug, PartialEq, Default)]
    #[serde(deny_unknown_fields, default)]
    struct Doc {
        kind: u8,
        name: String,
        note: Option<String>,
        size: Option<f64>,
        flag: bool,
        tags: Option<Vec<String>>,
        env: BTreeMap<String, String>,
        any: Value,
    }

    fn top(text: &str) -> Option<Value> {
        let (_, top) = from_slice_with_top::<Doc>(text.as_bytes()).expect(text);
        top.map(Value::Object)
    }

    #[test]
    fn records_the_top_level_as_decoded() {
        let long = "x".repeat(super::LONG_STRING + 1);
        let text = format!(
            r#"{{"kind": 3, "name": "{long}", "note": "n", "size": -1.5, "flag": true,
                "tags": null, "env": {{"A": "1"}}, "any": [1, {{"kind": 9}}]}}"#
        );
        assert_eq!(
            top(&text),
            Some(
                json!({"kind": 3, "name": "", "note": "n", "size": -1.5, "flag": true,
                "tags": null, "env": {}, "any": []})
            )
        );
        assert_eq!(
            top(r#"{"\u006bind": 1, "any": "s"}"#),
            Some(json!({"kind": 1, "any": "s"}))
        );
        assert_eq!(top("{}"), Some(json!({})));
        assert_eq!(
            top(r#"{"note": null, "tags": ["a"]}"#),
            Some(json!({"note": null, "tags": []}))
        );
    }

    #[test]
    fn decodes_as_strictly_as_strict() {
        for bad in [
            r#"{"env": {"A": "1", "A": "2"}}"#,
            r#"{"kind": 1, "kind": 1}"#,
            r#"{"other": 1}"#,
            r#"{"kind": 1} {}"#,
            r#"[3, "x"]"#,
        ] {
            assert!(from_slice_with_top::<Doc>(bad.as_bytes()).is_err(), "{bad}");
        }
        // Not a struct: decoded, but nothing is recorded.
        let (map, top) =
            from_slice_with_top::<BTreeMap<String, u8>>(br#"{"a": 1}"#).expect("a map");
        assert_eq!(map.len(), 1);
        assert_eq!(top, None);
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Lenient {
        kind: u8,
    }

    #[test]
    fn a_skipped_member_leaves_the_record_incomplete() {
        let (_, top) =
            from_slice_with_top::<Lenient>(br#"{"kind": 1, "extra": [1]}"#).expect("decodes");
        assert_eq!(top, None);
    }
}
