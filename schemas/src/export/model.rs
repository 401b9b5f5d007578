//! The language-neutral model the exporters render: a JSON Schema bundle read once into
//! named structs (ordered fields), enums (values and names), aliases and the field types
//! with their constraints.
//!
//! The reader accepts the schemas `#[derive(Schema)]` and the std impls of
//! [`JsonSchema`](crate::JsonSchema) emit, and rejects anything else with an
//! [`ExportError`] that names the `$defs` entry and the JSON Pointer of the construct,
//! so an exporter never silently drops a rule it cannot express.

use serde_json::{Map, Number, Value};

use super::ExportError;
use super::IntKind;

/// A bundle read into named definitions, in the bundle's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The bundle's `title` (e.g. `zos`).
    pub title: String,
    /// The bundle's `description`, if any.
    pub description: Option<String>,
    /// One entry per `$defs` member, in the bundle's order.
    pub defs: Vec<Def>,
}

/// One named type.
#[derive(Debug, Clone, PartialEq)]
pub struct Def {
    /// The name in `$defs`.
    pub name: String,
    /// The documentation (`description`).
    pub description: Option<String>,
    /// What the type is.
    pub kind: DefKind,
}

/// What a named type is.
#[derive(Debug, Clone, PartialEq)]
pub enum DefKind {
    /// An object with named fields.
    Struct(Struct),
    /// A set of named values (integers or strings).
    Enum(Enum),
    /// Another name for a type (a wire value type such as a CIDR string, a union, ...).
    Alias(Box<Type>),
}

/// An object with named fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// The fields in wire order.
    pub fields: Vec<Field>,
    /// Whether unknown keys are rejected (`additionalProperties: false`).
    pub deny_unknown: bool,
    /// Names of the cross-field rules (`x-rules`), which only the Rust side checks.
    pub rules: Vec<String>,
}

/// One field of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key on the wire.
    pub wire_name: String,
    /// Other keys accepted for this field when decoding (serde `alias`).
    pub aliases: Vec<String>,
    /// The documentation (`description`).
    pub description: Option<String>,
    /// The value's type and constraints.
    pub ty: Type,
    /// Whether the key must be present (listed in `required`).
    pub required: bool,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// `writeOnly: true`: a secret, never to be logged.
    pub secret: bool,
    /// Example values (`examples`).
    pub examples: Vec<Value>,
}

/// A set of named values.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    /// The wire form of the values.
    pub repr: EnumRepr,
    /// The values in declaration order.
    pub variants: Vec<Variant>,
}

/// The wire form of an enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumRepr {
    /// Integers; the smallest integer type holding every value.
    Int(IntKind),
    /// Strings.
    Str,
}

/// One value of an enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The name (`title`), as the original's `String()` wrote it.
    pub name: String,
    /// The value on the wire (an integer or a string).
    pub value: Value,
    /// Other strings accepted for this value when decoding (`x-alias-of`).
    pub aliases: Vec<String>,
    /// The documentation (`description`).
    pub description: Option<String>,
}

/// A type with its constraints.
#[derive(Debug, Clone, PartialEq)]
pub struct Type {
    /// The shape.
    pub kind: Kind,
    /// The validation keywords that apply to this value (not to its items).
    pub rules: Rules,
}

/// The shape of a type.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Any JSON value (`{}`).
    Any,
    /// `boolean`.
    Bool,
    /// `integer`, of the width its bounds give (the bounds of the width itself are not
    /// repeated in [`Rules`]).
    Int(IntKind),
    /// `number`.
    Number,
    /// `string`.
    String,
    /// One of these constants (`const`, `enum`, or an unnamed `oneOf` of consts).
    Literal(Vec<Value>),
    /// A reference to a named type.
    Named(String),
    /// `array` of items.
    Array(Box<Type>),
    /// `object` with any keys and values of one type.
    Map(Box<Type>),
    /// The type or `null`.
    Nullable(Box<Type>),
    /// One of several types (`oneOf`/`anyOf` that is not a nullable or an enum).
    Union(Vec<Type>),
}

/// Validation keywords.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rules {
    /// `minimum` (inclusive).
    pub minimum: Option<Number>,
    /// `maximum` (inclusive).
    pub maximum: Option<Number>,
    /// `exclusiveMinimum`.
    pub exclusive_minimum: Option<Number>,
    /// `exclusiveMaximum`.
    pub exclusive_maximum: Option<Number>,
    /// `minLength` (characters).
    pub min_length: Option<u64>,
    /// `maxLength` (characters).
    pub max_length: Option<u64>,
    /// `pattern` (unanchored regular expression).
    pub pattern: Option<String>,
    /// `format` (`cidr`, `ipv4`, ...).
    pub format: Option<String>,
    /// String alternatives of an `anyOf` (e.g. `""` or a CIDR): one of these, each a
    /// constant or a format; documentation only.
    pub one_of: Vec<Alternative>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `uniqueItems: true`.
    pub unique_items: bool,
    /// `minProperties`.
    pub min_properties: Option<u64>,
    /// `maxProperties`.
    pub max_properties: Option<u64>,
    /// Names of custom checks (`x-custom`), which only the Rust side runs.
    pub custom: Vec<String>,
}

/// One alternative of a string's `anyOf`.
#[derive(Debug, Clone, PartialEq)]
pub enum Alternative {
    /// Exactly this value.
    Const(Value),
    /// A string in this format.
    Format(String),
    /// A string matching this pattern.
    Pattern(String),
}

impl Type {
    /// A type without constraints.
    pub fn plain(kind: Kind) -> Self {
        Type {
            kind,
            rules: Rules::default(),
        }
    }
}

impl Rules {
    /// Whether no keyword is set.
    pub fn is_empty(&self) -> bool {
        *self == Rules::default()
    }
}

impl Model {
    /// Reads a bundle (`{"$defs": {...}}`, as [`SchemaGenerator::bundle`] makes it).
    ///
    /// [`SchemaGenerator::bundle`]: crate::SchemaGenerator::bundle
    pub fn from_bundle(bundle: &Value) -> Result<Model, ExportError> {
        let Some(root) = bundle.as_object() else {
            return Err(ExportError::InvalidBundle(
                "the bundle is not a JSON object".into(),
            ));
        };
        let defs = match root.get("$defs") {
            Some(Value::Object(defs)) => defs.clone(),
            None => Map::new(),
            Some(_) => {
                return Err(ExportError::InvalidBundle(
                    "`$defs` is not an object".into(),
                ));
            }
        };
        let title = root
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or("schema")
            .to_string();
        let description = root
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_string);
        let mut out = Vec::with_capacity(defs.len());
        for (name, schema) in &defs {
            let reader = super::read::Reader::new(&defs, name);
            out.push(reader.def(schema)?);
        }
        Ok(Model {
            title,
            description,
            defs: out,
        })
    }

    /// The definition named `name`.
    pub fn def(&self, name: &str) -> Option<&Def> {
        self.defs.iter().find(|d| d.name == name)
    }

    /// Follows aliases from `ty` to the type it finally stands for.
    pub fn resolve<'a>(&'a self, ty: &'a Type) -> &'a Type {
        let mut ty = ty;
        for _ in 0..self.defs.len() + 1 {
            match &ty.kind {
                Kind::Named(n) => match self.def(n).map(|d| &d.kind) {
                    Some(DefKind::Alias(target)) => ty = target,
                    _ => return ty,
                },
                _ => return ty,
            }
        }
        ty
    }

    /// Whether a struct can be built with every field missing (no field is required).
    pub fn has_zero_value(&self, name: &str) -> bool {
        match self.def(name).map(|d| &d.kind) {
            Some(DefKind::Struct(s)) => s.fields.iter().all(|f| !f.required),
            _ => false,
        }
    }

    /// The definitions ordered so that each comes after the ones its fields use (ties
    /// and cycles in bundle order), for languages that define names before use.
    pub fn dependency_order(&self) -> Vec<&Def> {
        let mut done = vec![false; self.defs.len()];
        let mut visiting = vec![false; self.defs.len()];
        let mut out = Vec::with_capacity(self.defs.len());
        for i in 0..self.defs.len() {
            self.visit(i, &mut done, &mut visiting, &mut out);
        }
        out
    }

    fn visit<'a>(
        &'a self,
        i: usize,
        done: &mut [bool],
        visiting: &mut [bool],
        out: &mut Vec<&'a Def>,
    ) {
        if done[i] || visiting[i] {
            return;
        }
        visiting[i] = true;
        let mut deps = Vec::new();
        match &self.defs[i].kind {
            DefKind::Struct(s) => s.fields.iter().for_each(|f| names_in(&f.ty, &mut deps)),
            DefKind::Alias(t) => names_in(t, &mut deps),
            DefKind::Enum(_) => {}
        }
        for dep in deps {
            if let Some(j) = self.defs.iter().position(|d| d.name == dep) {
                self.visit(j, done, visiting, out);
            }
        }
        visiting[i] = false;
        done[i] = true;
        out.push(&self.defs[i]);
    }
}

/// The names `ty` refers to, in order.
pub fn names_in(ty: &Type, out: &mut Vec<String>) {
    match &ty.kind {
        Kind::Named(n) => out.push(n.clone()),
        Kind::Array(t) | Kind::Map(t) | Kind::Nullable(t) => names_in(t, out),
        Kind::Union(ts) => ts.iter().for_each(|t| names_in(t, out)),
        _ => {}
    }
}
