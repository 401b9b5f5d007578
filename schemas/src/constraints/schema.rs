//! The schema side of the constraints: the JSON Schema keywords each one adds to a
//! field's schema, and the probe that finds what `length` counts.

use serde_json::{Map, Value};

use super::{Bounds, HasLength, LenKind};
use crate::formats::Format;

fn object(schema: &mut Value) -> &mut Map<String, Value> {
    if !schema.is_object() {
        *schema = Value::Object(Map::new());
    }
    match schema {
        Value::Object(m) => m,
        _ => unreachable!("replaced by an object just above"),
    }
}

/// Adds `key: value` to a field's schema.
pub fn schema_set(schema: &mut Value, key: &str, value: Value) {
    object(schema).insert(key.to_string(), value);
}

/// Adds the keywords of `range(...)` to a field's schema.
pub fn schema_range(schema: &mut Value, b: &Bounds) {
    let m = object(schema);
    let pairs = [
        ("minimum", b.min),
        ("maximum", b.max),
        ("exclusiveMinimum", b.exclusive_min),
        ("exclusiveMaximum", b.exclusive_max),
    ];
    for (k, v) in pairs {
        if let Some(v) = v {
            m.insert(k.into(), v.to_json());
        }
    }
}

/// Finds what `length` counts for `T` without requiring `T: HasLength`, so a misplaced
/// `length` is reported once (by the validation code) rather than by every emitter.
/// Autoref specialisation: `(&LengthProbe::<T>::new()).kind()` picks [`ProbeLength`]
/// when `T: HasLength` and falls back to [`ProbeNone`] otherwise.
pub struct LengthProbe<T: ?Sized>(std::marker::PhantomData<T>);

impl<T: ?Sized> LengthProbe<T> {
    /// A probe for `T`.
    pub const fn new() -> Self {
        LengthProbe(std::marker::PhantomData)
    }
}

impl<T: ?Sized> Default for LengthProbe<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The probe's answer when `T: HasLength`.
pub trait ProbeLength {
    /// What the length counts.
    fn kind(&self) -> Option<LenKind>;
}

impl<T: HasLength + ?Sized> ProbeLength for LengthProbe<T> {
    fn kind(&self) -> Option<LenKind> {
        Some(T::KIND)
    }
}

/// The probe's answer otherwise.
pub trait ProbeNone {
    /// Nothing: the type has no length.
    fn kind(&self) -> Option<LenKind>;
}

impl<T: ?Sized> ProbeNone for &LengthProbe<T> {
    fn kind(&self) -> Option<LenKind> {
        None
    }
}

/// Adds the keywords of `length(...)` or `non_empty` to a field's schema.
pub fn schema_length(
    schema: &mut Value,
    kind: Option<LenKind>,
    min: Option<usize>,
    max: Option<usize>,
) {
    let (kmin, kmax) = match kind {
        Some(LenKind::Chars) => ("minLength", "maxLength"),
        Some(LenKind::Items) => ("minItems", "maxItems"),
        Some(LenKind::Properties) => ("minProperties", "maxProperties"),
        None => return,
    };
    let m = object(schema);
    if let Some(n) = min {
        m.insert(kmin.into(), n.into());
    }
    if let Some(n) = max {
        m.insert(kmax.into(), n.into());
    }
}

/// Adds `pattern` to a field's schema.
pub fn schema_pattern(schema: &mut Value, source: &str) {
    object(schema).insert("pattern".into(), source.into());
}

/// Adds `format` to a field's schema.
pub fn schema_format(schema: &mut Value, f: Format) {
    object(schema).insert("format".into(), f.name().into());
}

/// Adds `uniqueItems` to a field's schema.
pub fn schema_unique(schema: &mut Value) {
    object(schema).insert("uniqueItems".into(), true.into());
}

/// Appends `name` to the list under `key` (`x-rules`, `x-custom`).
pub fn schema_push(schema: &mut Value, key: &str, name: &str) {
    let m = object(schema);
    let list = m
        .entry(key.to_string())
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(a) = list {
        a.push(name.into());
    }
}
