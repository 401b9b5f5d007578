//! Stage 2: the checked model of one type. Wire names, requiredness, tagging and
//! constraints are resolved here, and conflicts between attributes rejected, so the
//! emitters only read settled facts.

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::attr::{doc_of, Level, NumLit, Repr, SchemaAttrs, SerdeAttrs};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;

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

/// Whether serde treats a missing key of this type as `None` (it looks at the last path
/// segment, as we do).
fn is_option(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "Option"),
        syn::Type::Group(g) => is_option(&g.elem),
        _ => false,
    }
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

fn struct_data<'a>(
    cx: &Ctxt,
    input: &'a syn::DeriveInput,
    fields: &'a syn::Fields,
    serde: &SerdeAttrs,
) -> Option<Data<'a>> {
    match fields {
        syn::Fields::Named(named) => {
            let fields = named_fields(cx, named, serde.rename_all, serde.default.is_some());
            if serde.transparent {
                let mut fields = fields.into_iter();
                match (fields.next(), fields.next()) {
                    (Some(f), None) => return Some(Data::Transparent(Box::new(f))),
                    _ => {
                        cx.error_spanned_by(
                            &input.ident,
                            "#[serde(transparent)] needs exactly one field that is not skipped",
                        );
                        return None;
                    }
                }
            }
            check_unique_names(cx, &fields, named.named.iter().map(|f| f.span()).collect());
            Some(Data::Struct {
                fields,
                deny_unknown: serde.deny_unknown_fields,
            })
        }
        syn::Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
            let f = &unnamed.unnamed[0];
            Some(Data::Transparent(Box::new(field(cx, f, 0, None, false)?)))
        }
        syn::Fields::Unnamed(unnamed) => {
            cx.error_spanned_by(
                unnamed,
                "#[derive(Schema)] does not support tuple structs with several fields (serde writes them as arrays); use named fields or a newtype",
            );
            None
        }
        syn::Fields::Unit => Some(Data::Unit),
    }
}

fn check_unique_names(cx: &Ctxt, fields: &[Field], spans: Vec<Span>) {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if f.flatten {
            continue;
        }
        for name in std::iter::once(&f.wire).chain(&f.aliases) {
            if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name.as_str()) {
                let span = spans.get(i).copied().unwrap_or_else(Span::call_site);
                let mut e =
                    syn::Error::new(span, format!("two fields have the wire name \"{name}\""));
                if let Some(s) = spans.get(*first) {
                    e.combine(syn::Error::new(*s, "first one here"));
                }
                cx.syn_error(e);
            } else {
                seen.push((name, i));
            }
        }
    }
}

fn named_fields<'a>(
    cx: &Ctxt,
    named: &'a syn::FieldsNamed,
    rename_all: Option<RenameRule>,
    container_default: bool,
) -> Vec<Field<'a>> {
    named
        .named
        .iter()
        .enumerate()
        .filter_map(|(i, f)| field(cx, f, i, rename_all, container_default))
        .collect()
}

/// One field, or `None` when serde skips it.
fn field<'a>(
    cx: &Ctxt,
    f: &'a syn::Field,
    index: usize,
    rename_all: Option<RenameRule>,
    container_default: bool,
) -> Option<Field<'a>> {
    let schema = SchemaAttrs::parse(cx, &f.attrs, Level::Field);
    let serde = SerdeAttrs::parse(cx, &f.attrs);
    let member = match &f.ident {
        Some(i) => syn::Member::Named(i.clone()),
        None => syn::Member::Unnamed(syn::Index::from(index)),
    };
    let c = constraints(cx, &schema);
    if serde.skip {
        if let Some(span) = first_constraint_span(&schema) {
            cx.error_at(span, "this field is skipped by serde, so it is not on the wire: remove the constraint or the skip");
        }
        return None;
    }
    if serde.flatten {
        if let Some(span) = first_constraint_span(&schema) {
            cx.error_at(span, "a flattened field has no place of its own on the wire: put the constraints on the fields of its type");
        }
    }
    let ident = f.ident.as_ref().map(unraw).unwrap_or_default();
    let wire = serde
        .rename
        .clone()
        .or_else(|| rename_all.map(|r| r.apply_to_field(&ident)))
        .unwrap_or(ident);
    Some(Field {
        member,
        ty: &f.ty,
        wire,
        aliases: serde.aliases,
        missing: match (serde.default, container_default) {
            (Some(Some(path)), _) => Missing::FieldPath(path),
            (Some(None), _) => Missing::FieldDefault,
            (None, _) if is_option(&f.ty) || serde.flatten => Missing::None,
            (None, true) => Missing::ContainerDefault,
            (None, false) => Missing::Error,
        },
        flatten: serde.flatten,
        doc: doc_of(&f.attrs),
        c,
    })
}

fn first_constraint_span(a: &SchemaAttrs) -> Option<Span> {
    [
        a.range.span(),
        a.length.span(),
        a.non_empty.span(),
        a.pattern.span(),
        a.format.span(),
        a.unique.span(),
        a.secret.span(),
        a.example.span(),
    ]
    .into_iter()
    .flatten()
    .next()
    .or_else(|| a.custom.first().map(|p| p.span()))
}

fn conflict(cx: &Ctxt, span: Span, msg: &str, other: Span) {
    let mut e = syn::Error::new(span, msg);
    e.combine(syn::Error::new(other, "conflicts with this"));
    cx.syn_error(e);
}

fn constraints(cx: &Ctxt, a: &SchemaAttrs) -> Constraints {
    let mut c = Constraints::default();
    if let Some((span, r)) = a.range.spanned() {
        if let (Some((s1, _)), Some((s2, _))) = (r.min, r.exclusive_min) {
            conflict(
                cx,
                s2,
                "`exclusive_min` cannot be combined with `min`: keep one lower bound",
                s1,
            );
        }
        if let (Some((s1, _)), Some((s2, _))) = (r.max, r.exclusive_max) {
            conflict(
                cx,
                s2,
                "`exclusive_max` cannot be combined with `max`: keep one upper bound",
                s1,
            );
        }
        let lo = r.min.or(r.exclusive_min);
        let hi = r.max.or(r.exclusive_max);
        if let (Some((_, a)), Some((s, b))) = (lo, hi) {
            if a.as_f64() > b.as_f64() {
                cx.error_at(
                    s,
                    "the upper bound is below the lower bound: no value can pass",
                );
            }
        }
        if lo.is_none() && hi.is_none() {
            cx.error_at(
                span,
                "`range` needs at least one bound: `range(min = .., max = ..)`",
            );
        }
        c.range = Some((
            span,
            Bounds {
                min: r.min.map(|x| x.1),
                max: r.max.map(|x| x.1),
                exclusive_min: r.exclusive_min.map(|x| x.1),
                exclusive_max: r.exclusive_max.map(|x| x.1),
            },
        ));
    }
    if let Some((span, l)) = a.length.spanned() {
        let (mut min, mut max) = (l.min.map(|x| x.1), l.max.map(|x| x.1));
        if let Some((es, n)) = l.equal {
            if let Some((s, _)) = l.min.or(l.max) {
                conflict(cx, es, "`equal` cannot be combined with `min` or `max`", s);
            }
            min = Some(n);
            max = Some(n);
        }
        if let (Some(a), Some(b), Some((s, _))) = (min, max, l.max) {
            if a > b {
                cx.error_at(s, "`max` is below `min`: no value can pass");
            }
        }
        if min.is_none() && max.is_none() {
            cx.error_at(span, "`length` needs a bound: `length(min = ..)`, `length(max = ..)` or `length(equal = ..)`");
        }
        if let (Some(ne), Some((s, _))) = (a.non_empty.span(), l.min.or(l.equal)) {
            conflict(
                cx,
                ne,
                "`non_empty` is `length(min = 1)`: keep one of them",
                s,
            );
        }
        c.length = Some((span, min, max));
    }
    c.non_empty = a.non_empty.span();
    c.pattern = a.pattern.spanned().map(|(s, p)| (s, p.clone()));
    c.format = a.format.spanned().map(|(s, p)| (s, p.clone()));
    c.unique = a.unique.span();
    c.custom = a.custom.clone();
    c.secret = a.secret.is_set();
    c.deprecated = a.deprecated.is_set();
    if let (Some(s), Some(e)) = (a.secret.span(), a.example.span()) {
        conflict(
            cx,
            e,
            "a secret field cannot have an example: it would be published in the schema",
            s,
        );
    }
    c.example = a.example.get().cloned();
    c
}

fn discriminant(cx: &Ctxt, v: &syn::Variant, next: i64) -> i64 {
    let Some((_, expr)) = &v.discriminant else {
        return next;
    };
    let lit = match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i.base10_parse::<i64>().ok(),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => match &*u.expr {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(i),
                ..
            }) => i.base10_parse::<i64>().ok().map(|n| -n),
            _ => None,
        },
        _ => None,
    };
    lit.unwrap_or_else(|| {
        cx.error_spanned_by(
            expr,
            "#[derive(Schema)] needs explicit discriminants written as integer literals",
        );
        next
    })
}

fn enum_data<'a>(
    cx: &Ctxt,
    input: &'a syn::DeriveInput,
    e: &'a syn::DataEnum,
    schema: &SchemaAttrs,
    serde: &SerdeAttrs,
) -> Option<Data<'a>> {
    if e.variants.is_empty() {
        cx.error_spanned_by(&input.ident, "an enum without variants has no wire form");
        return None;
    }
    let tagging = match (&serde.tag, &serde.content, serde.untagged) {
        (Some(_), _, true) | (_, Some(_), true) => {
            cx.error_spanned_by(
                &input.ident,
                "#[serde(untagged)] cannot be combined with `tag` or `content`",
            );
            Tagging::Untagged
        }
        (None, None, true) => Tagging::Untagged,
        (Some(t), None, false) => Tagging::Internal { tag: t.clone() },
        (Some(t), Some(c), false) => Tagging::Adjacent {
            tag: t.clone(),
            content: c.clone(),
        },
        (None, Some(_), false) => {
            cx.error_spanned_by(
                &input.ident,
                "#[serde(content = \"...\")] needs `tag` as well",
            );
            Tagging::External
        }
        (None, None, false) => Tagging::External,
    };
    let all_unit = e
        .variants
        .iter()
        .all(|v| matches!(v.fields, syn::Fields::Unit));
    let repr = schema.repr.spanned();
    if all_unit && matches!(tagging, Tagging::External) {
        return Some(unit_enum(cx, e, schema, serde));
    }
    if let Some((span, _)) = repr {
        let why = if all_unit {
            "`repr` cannot be combined with serde's `tag`/`untagged`: it sets the wire form itself"
        } else {
            "`repr` applies to enums whose variants are all units"
        };
        cx.error_at(span, why);
    }
    if let Some(span) = schema.rename_all.span() {
        cx.error_at(
            span,
            "serde decides the wire names of this enum: write `#[serde(rename_all = \"...\")]`",
        );
    }
    let mut variants = Vec::new();
    for v in &e.variants {
        let vs = SchemaAttrs::parse(cx, &v.attrs, Level::Variant);
        let vserde = SerdeAttrs::parse(cx, &v.attrs);
        if let Some(span) = vs.rename.span().or(vs.aliases.first().map(|a| a.0)) {
            cx.error_at(span, "serde decides the wire names of this enum: write `#[serde(rename = \"...\")]` or `#[serde(alias = \"...\")]`");
        }
        let wire = vserde
            .rename
            .clone()
            .or_else(|| {
                serde
                    .rename_all
                    .map(|r| r.apply_to_variant(&unraw(&v.ident)))
            })
            .unwrap_or_else(|| unraw(&v.ident));
        let shape = match &v.fields {
            syn::Fields::Unit => Shape::Unit,
            syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => {
                match field(cx, &u.unnamed[0], 0, None, true) {
                    Some(f) => Shape::Newtype(Box::new(f)),
                    None => Shape::Unit,
                }
            }
            syn::Fields::Unnamed(u) => {
                cx.error_spanned_by(u, "#[derive(Schema)] does not support tuple variants with several fields (serde writes them as arrays); use a struct variant");
                Shape::Unit
            }
            syn::Fields::Named(n) => {
                let fields = named_fields(cx, n, vserde.rename_all, false);
                check_unique_names(cx, &fields, n.named.iter().map(|f| f.span()).collect());
                Shape::Struct(fields)
            }
        };
        if let (Tagging::Internal { .. }, Shape::Newtype(f)) = (&tagging, &shape) {
            if f.c.range.is_some() || f.c.length.is_some() {
                cx.error_spanned_by(
                    f.ty,
                    "an internally tagged newtype variant must hold a struct",
                );
            }
        }
        variants.push(Variant {
            ident: &v.ident,
            wire,
            aliases: vserde.aliases,
            doc: doc_of(&v.attrs),
            skip: vserde.skip,
            shape,
        });
    }
    check_unique_variant_names(
        cx,
        variants
            .iter()
            .filter(|v| !v.skip)
            .map(|v| (v.ident.span(), &v.wire, &v.aliases)),
    );
    Some(Data::Enum {
        variants,
        tagging,
        deny_unknown: serde.deny_unknown_fields,
    })
}

fn check_unique_variant_names<'b>(
    cx: &Ctxt,
    items: impl Iterator<Item = (Span, &'b String, &'b Vec<String>)>,
) {
    let mut seen: Vec<(&str, Span)> = Vec::new();
    for (span, name, aliases) in items {
        for n in std::iter::once(name).chain(aliases) {
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == n.as_str()) {
                let mut e = syn::Error::new(span, format!("two variants have the name \"{n}\""));
                e.combine(syn::Error::new(*first, "first one here"));
                cx.syn_error(e);
            } else {
                seen.push((n, span));
            }
        }
    }
}

fn unit_enum<'a>(
    cx: &Ctxt,
    e: &'a syn::DataEnum,
    schema: &SchemaAttrs,
    serde: &SerdeAttrs,
) -> Data<'a> {
    let repr = schema.repr.get().copied();
    if repr.is_none() {
        if let Some(span) = schema.rename_all.span() {
            cx.error_at(span, "without `repr`, serde decides the wire names: write `#[serde(rename_all = \"...\")]`, or add `#[schema(repr = \"int\")]` / `#[schema(repr = \"string\")]` and let the derive write serde's impls");
        }
    }
    let rule = if repr.is_some() {
        schema.rename_all.get().copied()
    } else {
        serde.rename_all
    };
    let mut next = 0i64;
    let mut variants = Vec::new();
    for v in &e.variants {
        let vs = SchemaAttrs::parse(cx, &v.attrs, Level::Variant);
        let vserde = SerdeAttrs::parse(cx, &v.attrs);
        let (rename, aliases) = if repr.is_some() {
            if vserde.rename.is_some() || !vserde.aliases.is_empty() {
                cx.error_spanned_by(&v.ident, "with `repr`, the derive writes serde's impls: name the variant with `#[schema(rename = \"...\")]` and `#[schema(alias = \"...\")]`");
            }
            (
                vs.rename.get().cloned(),
                vs.aliases.iter().map(|a| a.1.clone()).collect(),
            )
        } else {
            if let Some(span) = vs.rename.span().or(vs.aliases.first().map(|a| a.0)) {
                cx.error_at(span, "without `repr`, serde decides the wire names: write `#[serde(rename = \"...\")]` / `#[serde(alias = \"...\")]`");
            }
            (vserde.rename.clone(), vserde.aliases.clone())
        };
        let name = rename
            .or_else(|| rule.map(|r| r.apply_to_variant(&unraw(&v.ident))))
            .unwrap_or_else(|| unraw(&v.ident));
        let value = discriminant(cx, v, next);
        next = value.wrapping_add(1);
        if vserde.skip {
            cx.error_spanned_by(
                &v.ident,
                "#[derive(Schema)] does not support skipped variants of unit enums",
            );
        }
        variants.push(UnitVariant {
            ident: &v.ident,
            name,
            aliases,
            value,
            doc: doc_of(&v.attrs),
        });
    }
    check_unique_variant_names(
        cx,
        variants
            .iter()
            .map(|v| (v.ident.span(), &v.name, &v.aliases)),
    );
    let mut seen: Vec<(i64, Span)> = Vec::new();
    for v in &variants {
        if let Some((_, first)) = seen.iter().find(|(n, _)| *n == v.value) {
            let mut err = syn::Error::new(
                v.ident.span(),
                format!("two variants have the value {}", v.value),
            );
            err.combine(syn::Error::new(*first, "first one here"));
            cx.syn_error(err);
        } else {
            seen.push((v.value, v.ident.span()));
        }
    }
    Data::UnitEnum { variants, repr }
}
