//! The [`JsonSchema`] trait, the [`SchemaGenerator`] that collects `$defs`, and the
//! schemas of std types as `serde_json` reads and writes them.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use serde_json::{json, Map, Value};

/// The `$schema` of every document we emit.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// A type that can describe its wire form as JSON Schema (draft 2020-12).
///
/// `#[derive(Schema)]` implements it from the type's `serde` and `schema` attributes,
/// so the schema accepts exactly what `serde_json` accepts.
pub trait JsonSchema {
    /// The name of this type's entry in `$defs`.
    fn schema_name() -> Cow<'static, str>;

    /// Whether the schema is written in place rather than referenced from `$defs`
    /// (true for primitives and std containers).
    fn inline_schema() -> bool {
        false
    }

    /// The schema of this type; the types it refers to are added to `generator`.
    fn schema_body(generator: &mut SchemaGenerator) -> Value;

    /// A complete 2020-12 document for this type: `$schema`, `title`, the type's own
    /// schema and `$defs` for every type it refers to.
    fn json_schema() -> Value {
        SchemaGenerator::new().root_schema::<Self>()
    }
}

/// Collects the `$defs` of the types a schema refers to.
#[derive(Debug, Default, Clone)]
pub struct SchemaGenerator {
    defs: BTreeMap<String, Value>,
    in_progress: BTreeSet<String>,
}

impl SchemaGenerator {
    /// An empty generator.
    pub fn new() -> Self {
        SchemaGenerator::default()
    }

    /// The schema to write where a `T` is expected: `T`'s body for inline types, a
    /// `$ref` into `$defs` (added on first use) for the others.
    pub fn subschema<T: JsonSchema + ?Sized>(&mut self) -> Value {
        if T::inline_schema() {
            return T::schema_body(self);
        }
        let name = T::schema_name();
        if !self.defs.contains_key(name.as_ref()) && !self.in_progress.contains(name.as_ref()) {
            self.in_progress.insert(name.to_string());
            let body = T::schema_body(self);
            self.in_progress.remove(name.as_ref());
            self.defs.insert(name.to_string(), body);
        }
        json!({ "$ref": format!("#/$defs/{name}") })
    }

    /// Adds `T` to `$defs` (for bundles of several types).
    pub fn add<T: JsonSchema + ?Sized>(&mut self) {
        if !T::inline_schema() {
            self.subschema::<T>();
        }
    }

    /// The definitions collected so far, by name.
    pub fn definitions(&self) -> &BTreeMap<String, Value> {
        &self.defs
    }

    /// Consumes the generator and returns the definitions.
    pub fn into_definitions(self) -> BTreeMap<String, Value> {
        self.defs
    }

    /// A complete document whose root is `T`.
    pub fn root_schema<T: JsonSchema + ?Sized>(mut self) -> Value {
        let name = T::schema_name();
        self.in_progress.insert(name.to_string());
        let body = T::schema_body(&mut self);
        self.in_progress.remove(name.as_ref());
        let mut doc = Map::new();
        doc.insert("$schema".into(), Value::String(DRAFT_2020_12.into()));
        if !matches!(&body, Value::Object(m) if m.contains_key("title")) {
            doc.insert("title".into(), Value::String(name.to_string()));
        }
        // A recursive type refers to itself through `$defs`.
        let recursive = self.refers_to(&name, &body);
        match body.clone() {
            Value::Object(m) => doc.extend(m),
            Value::Bool(false) => {
                doc.insert("not".into(), json!({}));
            }
            _ => {}
        }
        if recursive {
            self.defs.insert(name.to_string(), body);
        }
        if !self.defs.is_empty() {
            let defs: Map<String, Value> = self.defs.into_iter().collect();
            doc.insert("$defs".into(), Value::Object(defs));
        }
        Value::Object(doc)
    }

    /// A document holding every type added with [`SchemaGenerator::add`] in `$defs`.
    pub fn bundle(self, title: &str) -> Value {
        let defs: Map<String, Value> = self.defs.into_iter().collect();
        json!({ "$schema": DRAFT_2020_12, "title": title, "$defs": defs })
    }

    fn refers_to(&self, name: &str, body: &Value) -> bool {
        let target = format!("#/$defs/{name}");
        fn walk(v: &Value, target: &str) -> bool {
            match v {
                Value::Object(m) => m
                    .iter()
                    .any(|(k, v)| (k == "$ref" && v.as_str() == Some(target)) || walk(v, target)),
                Value::Array(a) => a.iter().any(|v| walk(v, target)),
                _ => false,
            }
        }
        walk(body, &target) || self.defs.values().any(|d| walk(d, &target))
    }
}

/// Makes `schema` accept `null` as well (the schema of `Option<T>`).
pub fn nullable(schema: Value) -> Value {
    match schema {
        Value::Object(mut m) => {
            let simple = !["enum", "const", "oneOf", "anyOf", "allOf", "$ref", "not"]
                .iter()
                .any(|k| m.contains_key(*k));
            if m.is_empty() {
                return Value::Object(m);
            }
            let widened = match m.get("type") {
                Some(Value::String(t)) if simple => Some(json!([t, "null"])),
                Some(Value::Array(types)) if simple => {
                    let mut types = types.clone();
                    if !types.iter().any(|t| t == "null") {
                        types.push(json!("null"));
                    }
                    Some(Value::Array(types))
                }
                _ => None,
            };
            match widened {
                Some(t) => {
                    m.insert("type".into(), t);
                    Value::Object(m)
                }
                None => json!({ "anyOf": [Value::Object(m), { "type": "null" }] }),
            }
        }
        Value::Bool(true) => json!({}),
        other => json!({ "anyOf": [other, { "type": "null" }] }),
    }
}

macro_rules! inline_schema {
    ($($t:ty => $name:expr, $body:expr;)*) => {$(
        impl JsonSchema for $t {
            fn schema_name() -> Cow<'static, str> { Cow::Borrowed($name) }
            fn inline_schema() -> bool { true }
            fn schema_body(_: &mut SchemaGenerator) -> Value { $body }
        }
    )*};
}

inline_schema! {
    bool => "boolean", json!({ "type": "boolean" });
    u8 => "uint8", json!({ "type": "integer", "minimum": 0, "maximum": u8::MAX });
    u16 => "uint16", json!({ "type": "integer", "minimum": 0, "maximum": u16::MAX });
    u32 => "uint32", json!({ "type": "integer", "minimum": 0, "maximum": u32::MAX });
    u64 => "uint64", json!({ "type": "integer", "minimum": 0, "maximum": u64::MAX });
    usize => "uint", json!({ "type": "integer", "minimum": 0, "maximum": usize::MAX as u64 });
    i8 => "int8", json!({ "type": "integer", "minimum": i8::MIN, "maximum": i8::MAX });
    i16 => "int16", json!({ "type": "integer", "minimum": i16::MIN, "maximum": i16::MAX });
    i32 => "int32", json!({ "type": "integer", "minimum": i32::MIN, "maximum": i32::MAX });
    i64 => "int64", json!({ "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX });
    isize => "int", json!({ "type": "integer", "minimum": isize::MIN as i64, "maximum": isize::MAX as i64 });
    f32 => "float", json!({ "type": "number" });
    f64 => "double", json!({ "type": "number" });
    char => "char", json!({ "type": "string", "minLength": 1, "maxLength": 1 });
    String => "string", json!({ "type": "string" });
    str => "string", json!({ "type": "string" });
    () => "null", json!({ "type": "null" });
    serde_json::Value => "AnyValue", json!({});
    serde_json::Number => "number", json!({ "type": "number" });
}

macro_rules! delegate_schema {
    ($($t:ty),*) => {$(
        impl<T: JsonSchema + ?Sized> JsonSchema for $t {
            fn schema_name() -> Cow<'static, str> { T::schema_name() }
            fn inline_schema() -> bool { T::inline_schema() }
            fn schema_body(g: &mut SchemaGenerator) -> Value { T::schema_body(g) }
        }
    )*};
}
delegate_schema!(&T, Box<T>, Rc<T>, Arc<T>);

impl<T: JsonSchema + ToOwned + ?Sized> JsonSchema for Cow<'_, T> {
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_body(g: &mut SchemaGenerator) -> Value {
        T::schema_body(g)
    }
}

impl<T: JsonSchema> JsonSchema for Option<T> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Nullable_{}", T::schema_name()))
    }
    fn inline_schema() -> bool {
        true
    }
    fn schema_body(g: &mut SchemaGenerator) -> Value {
        nullable(g.subschema::<T>())
    }
}

macro_rules! seq_schema {
    ($($t:ty),*) => {$(
        impl<T: JsonSchema> JsonSchema for $t {
            fn schema_name() -> Cow<'static, str> { Cow::Owned(format!("Array_of_{}", T::schema_name())) }
            fn inline_schema() -> bool { true }
            fn schema_body(g: &mut SchemaGenerator) -> Value {
                json!({ "type": "array", "items": g.subschema::<T>() })
            }
        }
    )*};
}
seq_schema!(Vec<T>, [T], VecDeque<T>, BTreeSet<T>);

impl<T: JsonSchema, S> JsonSchema for HashSet<T, S> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Array_of_{}", T::schema_name()))
    }
    fn inline_schema() -> bool {
        true
    }
    fn schema_body(g: &mut SchemaGenerator) -> Value {
        json!({ "type": "array", "items": g.subschema::<T>() })
    }
}

impl<T: JsonSchema, const N: usize> JsonSchema for [T; N] {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Array{N}_of_{}", T::schema_name()))
    }
    fn inline_schema() -> bool {
        true
    }
    fn schema_body(g: &mut SchemaGenerator) -> Value {
        json!({ "type": "array", "items": g.subschema::<T>(), "minItems": N, "maxItems": N })
    }
}

impl<K, V: JsonSchema, S> JsonSchema for HashMap<K, V, S> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Map_of_{}", V::schema_name()))
    }
    fn inline_schema() -> bool {
        true
    }
    fn schema_body(g: &mut SchemaGenerator) -> Value {
        json!({ "type": "object", "additionalProperties": g.subschema::<V>() })
    }
}

impl<K, V: JsonSchema> JsonSchema for BTreeMap<K, V> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Map_of_{}", V::schema_name()))
    }
    fn inline_schema() -> bool {
        true
    }
    fn schema_body(g: &mut SchemaGenerator) -> Value {
        json!({ "type": "object", "additionalProperties": g.subschema::<V>() })
    }
}
