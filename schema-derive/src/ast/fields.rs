//! The fields of a struct or a variant: wire names, what serde does with a missing
//! key, and the check that no two fields share a wire name.

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::constraints::constraints;
use super::{unraw, Data, Field, Missing};
use crate::attr::{doc_of, Level, SchemaAttrs, SerdeAttrs};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;

/// Whether serde treats a missing key of this type as `None` (it looks at the last path
/// segment, as we do).
fn is_option(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "Option"),
        syn::Type::Group(g) => is_option(&g.elem),
        _ => false,
    }
}

pub(super) fn struct_data<'a>(
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

pub(super) fn check_unique_names(cx: &Ctxt, fields: &[Field], spans: Vec<Span>) {
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

pub(super) fn named_fields<'a>(
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
pub(super) fn field<'a>(
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
