//! Recording the keys of a map while its own seed decodes them.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Deserializes a map key (as the map's own seed wants it) and records it as text.
pub(super) struct KeySeed<'k, S> {
    pub(super) seed: S,
    pub(super) key: &'k mut Option<String>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(KeyDe {
            de: d,
            key: self.key,
        })
    }
}

struct KeyDe<'k, D> {
    de: D,
    key: &'k mut Option<String>,
}

macro_rules! forward_key_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.de.$method($($arg,)* KeyVisit { inner: visitor, key: self.key })
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyDe<'_, D> {
    type Error = D::Error;

    with_deserialize_methods!(forward_key_deserialize;
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
    );

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// A key's visitor: records the key, then passes it on.
struct KeyVisit<'k, V> {
    inner: V,
    key: &'k mut Option<String>,
}

macro_rules! record_visit {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            *self.key = Some(v.to_string());
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisit<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    record_visit! {
        visit_bool(bool);
        visit_i64(i64);
        visit_i128(i128);
        visit_u64(u64);
        visit_u128(u128);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.key = Some(v.clone());
        self.inner.visit_string(v)
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<V::Value, E> {
        *self.key = Some(String::from_utf8_lossy(v).into_owned());
        self.inner.visit_bytes(v)
    }
    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<V::Value, E> {
        *self.key = Some(String::from_utf8_lossy(v).into_owned());
        self.inner.visit_borrowed_bytes(v)
    }
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<V::Value, E> {
        *self.key = Some(String::from_utf8_lossy(&v).into_owned());
        self.inner.visit_byte_buf(v)
    }
}
