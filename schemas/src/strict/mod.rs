//! Decoding that refuses what JSON Schema (and the original Go decoder) refuse but
//! serde accepts:
//!
//! - a struct written as a JSON array: `#[derive(Deserialize)]` gives every struct a
//!   `visit_seq`, so `serde_json` reads `[1, "x"]` as a struct with its fields in order,
//!   and `[]` as the default value of a `#[serde(default)]` struct. On the wire of this
//!   project a struct is an object, and our schemas say so;
//! - optionally ([`Strict::with_unique_keys`]), a repeated key in a map: `serde_json`
//!   keeps the last value of a repeated key of a `BTreeMap` or a `serde_json::Value`
//!   silently (a derived struct already refuses a repeated field). Decoding from a
//!   `serde_json::Value` never meets one; decoding from bytes can.
//!
//! Both hold at every level: [`Strict`] wraps the deserializer, and every nested one.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// Calls `$forward!` with every `Deserializer` method but `deserialize_struct`, followed
/// by the methods given after a `;`: a wrapper whose `deserialize_struct` forwards like
/// the others passes it there, one whose `deserialize_struct` differs writes it itself.
macro_rules! with_deserialize_methods {
    ($forward:ident $(; $($extra:tt)*)?) => {
        $forward! {
            deserialize_any();
            deserialize_bool();
            deserialize_i8();
            deserialize_i16();
            deserialize_i32();
            deserialize_i64();
            deserialize_i128();
            deserialize_u8();
            deserialize_u16();
            deserialize_u32();
            deserialize_u64();
            deserialize_u128();
            deserialize_f32();
            deserialize_f64();
            deserialize_char();
            deserialize_str();
            deserialize_string();
            deserialize_bytes();
            deserialize_byte_buf();
            deserialize_option();
            deserialize_unit();
            deserialize_unit_struct(name: &'static str);
            deserialize_newtype_struct(name: &'static str);
            deserialize_seq();
            deserialize_tuple(len: usize);
            deserialize_tuple_struct(name: &'static str, len: usize);
            deserialize_map();
            deserialize_enum(name: &'static str, variants: &'static [&'static str]);
            deserialize_identifier();
            deserialize_ignored_any();
            $($($extra)*)?
        }
    };
}

mod keys;
mod top;

pub use top::{from_slice_with_top, LONG_STRING};

use keys::KeySeed;

/// Decodes `value` like `T::deserialize(value)`, but a struct must be a JSON object.
pub fn from_value<'a, T: de::Deserialize<'a>>(
    value: &'a serde_json::Value,
) -> Result<T, serde_json::Error> {
    T::deserialize(Strict::new(value))
}

/// A deserializer whose structs only accept maps, at every level (and, if asked, whose
/// maps refuse a repeated key).
pub struct Strict<D> {
    de: D,
    unique_keys: bool,
}

impl<D> Strict<D> {
    /// Structs must be maps.
    pub fn new(de: D) -> Self {
        Strict {
            de,
            unique_keys: false,
        }
    }

    /// Structs must be maps, and maps (other than structs, which refuse a repeated
    /// field themselves) refuse a repeated key.
    pub fn with_unique_keys(de: D) -> Self {
        Strict {
            de,
            unique_keys: true,
        }
    }
}

/// A visitor that passes everything through, re-wrapping nested access. For a struct
/// (`is_struct`), a sequence is refused.
struct Wrap<V> {
    inner: V,
    unique_keys: bool,
    is_struct: bool,
}

macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let wrap = Wrap { inner: visitor, unique_keys: self.unique_keys, is_struct: false };
            self.de.$method($($arg,)* wrap)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    with_deserialize_methods!(forward_deserialize);

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let wrap = Wrap {
            inner: visitor,
            unique_keys: self.unique_keys,
            is_struct: true,
        };
        self.de.deserialize_struct(name, fields, wrap)
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let unique_keys = self.unique_keys;
        self.inner.visit_some(Strict { de: d, unique_keys })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let unique_keys = self.unique_keys;
        self.inner
            .visit_newtype_struct(Strict { de: d, unique_keys })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if self.is_struct {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let unique_keys = self.unique_keys;
        self.inner.visit_seq(Access {
            access: seq,
            unique_keys,
            keys: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let unique_keys = self.unique_keys;
        let keys = (unique_keys && !self.is_struct).then(Vec::new);
        self.inner.visit_map(Access {
            access: map,
            unique_keys,
            keys,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        let unique_keys = self.unique_keys;
        self.inner.visit_enum(Access {
            access: data,
            unique_keys,
            keys: None,
        })
    }
}

/// Sequence, map, enum and variant access whose nested values are [`Strict`]; for a
/// map that must not repeat a key, `keys` holds the keys seen so far.
struct Access<A> {
    access: A,
    unique_keys: bool,
    keys: Option<Vec<String>>,
}

impl<A> Access<A> {
    fn seed<S>(&self, seed: S) -> StrictSeed<S> {
        StrictSeed {
            seed,
            unique_keys: self.unique_keys,
        }
    }

    fn wrap<V>(&self, inner: V, is_struct: bool) -> Wrap<V> {
        Wrap {
            inner,
            unique_keys: self.unique_keys,
            is_struct,
        }
    }
}

/// A seed whose deserializer is [`Strict`].
struct StrictSeed<S> {
    seed: S,
    unique_keys: bool,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let unique_keys = self.unique_keys;
        self.seed.deserialize(Strict { de: d, unique_keys })
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Access<A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let seed = self.seed(seed);
        self.access.next_element_seed(seed)
    }
    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Access<A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(keys) = &mut self.keys else {
            let seed = self.seed(seed);
            return self.access.next_key_seed(seed);
        };
        let mut key = None;
        let value = self.access.next_key_seed(KeySeed {
            seed,
            key: &mut key,
        })?;
        if let Some(k) = key {
            if keys.contains(&k) {
                return Err(de::Error::custom(format_args!("duplicate key `{k}`")));
            }
            keys.push(k);
        }
        Ok(value)
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.seed(seed);
        self.access.next_value_seed(seed)
    }
    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Access<A> {
    type Error = A::Error;
    type Variant = Access<A::Variant>;
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let unique_keys = self.unique_keys;
        let seed = self.seed(seed);
        let (value, variant) = self.access.variant_seed(seed)?;
        Ok((
            value,
            Access {
                access: variant,
                unique_keys,
                keys: None,
            },
        ))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Access<A> {
    type Error = A::Error;
    fn unit_variant(self) -> Result<(), A::Error> {
        self.access.unit_variant()
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.seed(seed);
        self.access.newtype_variant_seed(seed)
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let wrap = self.wrap(visitor, false);
        self.access.tuple_variant(len, wrap)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let wrap = self.wrap(visitor, true);
        self.access.struct_variant(fields, wrap)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde_json::json;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Maps {
        env: BTreeMap<String, String>,
        any: serde_json::Value,
        list: Vec<Option<BTreeMap<String, u8>>>,
    }

    fn from_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        T::deserialize(super::Strict::with_unique_keys(&mut de)).map_err(|e| e.to_string())
    }

    #[test]
    fn maps_refuse_repeated_keys_at_any_depth_when_asked() {
        let ok = r#"{"env": {"A": "1", "B": "2"}, "any": {"x": {"y": 1, "z": [{"k": 1}]}}, "list": [null, {"a": 1}]}"#;
        assert!(from_text::<Maps>(ok).is_ok());
        for bad in [
            r#"{"env": {"A": "1", "A": "2"}, "any": null, "list": []}"#,
            r#"{"env": {}, "any": {"x": {"y": 1, "y": 2}}, "list": []}"#,
            r#"{"env": {}, "any": [{"k": 1, "\u006b": 2}], "list": []}"#,
            r#"{"env": {}, "any": 1, "list": [{"a": 1, "a": 1}]}"#,
        ] {
            let e = from_text::<Maps>(bad).expect_err(bad);
            assert!(e.contains("duplicate key"), "{bad}: {e}");
            let plain: Result<Maps, _> = serde_json::from_str(bad);
            assert!(
                plain.is_ok(),
                "serde_json alone keeps the last value: {bad}"
            );
        }
        // A struct's own repeated field is its derive's error.
        let e = from_text::<Maps>(r#"{"env": {}, "env": {}, "any": 1, "list": []}"#)
            .expect_err("a repeated field");
        assert!(e.contains("duplicate field"), "{e}");
        let v: serde_json::Value = from_text(r#"{"a": [1, {"b": "c"}]}"#).expect("decodes");
        assert_eq!(v["a"][1]["b"], "c");
    }

    #[derive(Deserialize, Debug, PartialEq, Default)]
    #[serde(default)]
    struct Inner {
        a: u32,
        b: String,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Outer {
        inner: Inner,
        list: Vec<Inner>,
        maybe: Option<Inner>,
    }

    #[test]
    fn structs_must_be_objects_at_every_level() {
        let ok = json!({ "inner": { "a": 1 }, "list": [{ "b": "x" }], "maybe": null });
        assert!(super::from_value::<Outer>(&ok).is_ok());
        // Plain serde accepts all of these; the strict decoder refuses each.
        for bad in [
            json!([{ "a": 1 }, [], null]),
            json!({ "inner": [], "list": [], "maybe": null }),
            json!({ "inner": {}, "list": [[1, "x"]], "maybe": null }),
            json!({ "inner": {}, "list": [], "maybe": [] }),
        ] {
            assert!(
                serde_json::from_value::<Outer>(bad.clone()).is_ok(),
                "{bad}"
            );
            let err = super::from_value::<Outer>(&bad).expect_err("refused");
            assert!(
                err.to_string().starts_with("invalid type: sequence"),
                "{err}"
            );
        }
    }
}
