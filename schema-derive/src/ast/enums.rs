//! Enums: serde's tagging, the variants of a data enum, and the names, aliases and
//! integer values of a unit enum, each checked to be unique.

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::fields::{check_unique_names, field, named_fields};
use super::{unraw, Data, Shape, Tagging, UnitVariant, Variant};
use crate::attr::{doc_of, Level, SchemaAttrs, SerdeAttrs};
use crate::ctxt::Ctxt;

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

pub(super) fn enum_data<'a>(
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
