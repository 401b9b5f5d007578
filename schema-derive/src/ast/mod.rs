//! Stage 2: the checked model of one type. Wire names, requiredness, tagging and
//! constraints are resolved here, and conflicts between attributes rejected, so the
//! emitters only read settled facts.

use proc_macro2::Span;

use crate::attr::{doc_of, Level, NumLit, Repr, SchemaAttrs, SerdeAttrs};
use crate::ctxt::Ctxt;

mod constraints;
mod enums;
mod fields;

use enums::enum_data;
use fields::struct_data;

pub struct Container<'a> {
    pub ident: &'a syn::Ident,
    /// How to build the container's default value (`#[serde(default)]` on it).
    pub default: Option<Option<syn::ExprPath>>,
    pub generics: &'a syn::Generics,
    pub title: Option<String>,
    pub doc: Option<String>,
    pub rules: Vec<syn::Path>,
    pub data: Data<'a>,
}

pub enum Data<'a> {
    /// A struct with named fields: a JSON object.
    Struct {
        fields: Vec<Field<'a>>,
        deny_unknown: bool,
    },
    /// A newtype or `#[serde(transparent)]` struct: the field's own wire form.
    Transparent(Box<Field<'a>>),
    /// A unit struct: `null`.
    Unit,
    /// An enum whose variants are all units, written as names or integers.
    UnitEnum {
        variants: Vec<UnitVariant<'a>>,
        repr: Option<Repr>,
    },
    /// Any other enum, as serde represents it.
    Enum {
        variants: Vec<Variant<'a>>,
        tagging: Tagging,
        deny_unknown: bool,
    },
}

pub enum Tagging {
    External,
    Internal { tag: String },
    Adjacent { tag: String, content: String },
    Untagged,
}

pub struct Field<'a> {
    pub member: syn::Member,
    pub ty: &'a syn::Type,
    pub wire: String,
    pub aliases: Vec<String>,
    /// What serde does when the key is missing.
    pub missing: Missing,
    pub flatten: bool,
    pub doc: Option<String>,
    pub c: Constraints,
}

/// What serde does when a field's key is missing.
#[derive(Clone)]
pub enum Missing {
    /// Refuses the document: the key is required.
    Error,
    /// `None` (an `Option` field): the key may always be left out.
    None,
    /// The field's `Default::default()` (`#[serde(default)]`).
    FieldDefault,
    /// The value of a function (`#[serde(default = "path")]`).
    FieldPath(syn::ExprPath),
    /// The field's value in the container's default (`#[serde(default)]` on the struct).
    ContainerDefault,
}

/// The checked constraints and annotations of one field.
#[derive(Default)]
pub struct Constraints {
    pub range: Option<(Span, Bounds)>,
    /// `(span, min, max)`; `equal` and `non_empty` are resolved into it.
    pub length: Option<(Span, Option<u64>, Option<u64>)>,
    pub non_empty: Option<Span>,
    pub pattern: Option<(Span, String)>,
    pub format: Option<(Span, String)>,
    pub unique: Option<Span>,
    pub custom: Vec<syn::Path>,
    pub secret: bool,
    pub example: Option<syn::Expr>,
    pub deprecated: bool,
}

#[derive(Default, Clone, Copy)]
pub struct Bounds {
    pub min: Option<NumLit>,
    pub max: Option<NumLit>,
    pub exclusive_min: Option<NumLit>,
    pub exclusive_max: Option<NumLit>,
}

pub struct UnitVariant<'a> {
    pub ident: &'a syn::Ident,
    pub name: String,
    pub aliases: Vec<String>,
    pub value: i64,
    pub doc: Option<String>,
}

pub struct Variant<'a> {
    pub ident: &'a syn::Ident,
    pub wire: String,
    pub aliases: Vec<String>,
    pub doc: Option<String>,
    pub skip: bool,
    pub shape: Shape<'a>,
}

pub enum Shape<'a> {
    Unit,
    Newtype(Box<Field<'a>>),
    Struct(Vec<Field<'a>>),
}

fn unraw(ident: &syn::Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map(str::to_string).unwrap_or(s)
}

impl<'a> Container<'a> {
    /// Builds the model; `None` when the shape itself is unsupported (errors recorded).
    pub fn from_ast(cx: &Ctxt, input: &'a syn::DeriveInput) -> Option<Self> {
        let schema = SchemaAttrs::parse(cx, &input.attrs, Level::Container);
        let serde = SerdeAttrs::parse(cx, &input.attrs);
        let data = match &input.data {
            syn::Data::Struct(s) => {
                if let Some((span, _)) = schema.repr.spanned() {
                    cx.error_at(
                        span,
                        "`repr` applies to enums whose variants are all units, not to structs",
                    );
                }
                if let Some(span) = schema.rename_all.span() {
                    cx.error_at(span, "a struct's wire names come from serde: write `#[serde(rename_all = \"...\")]`");
                }
                struct_data(cx, input, &s.fields, &serde)?
            }
            syn::Data::Enum(e) => enum_data(cx, input, e, &schema, &serde)?,
            syn::Data::Union(u) => {
                cx.error_spanned_by(
                    u.union_token,
                    "#[derive(Schema)] does not support unions: they have no serde wire form",
                );
                return None;
            }
        };
        Some(Container {
            ident: &input.ident,
            default: serde.default.clone(),
            generics: &input.generics,
            title: schema.title.get().cloned(),
            doc: doc_of(&input.attrs),
            rules: schema.rules,
            data,
        })
    }
}
