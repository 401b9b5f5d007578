//! Emitter: `impl JsonSchema`, the schema of the wire form serde reads, with the field
//! constraints as JSON Schema keywords and doc comments as descriptions.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Data, Field, Missing, Shape, Tagging, Variant};
use crate::attr::Repr;
use crate::bound::{type_params, with_bound};
use crate::emit_validate::{bounds_tokens, field_checks, format_tokens, opt_usize};

const P: &str = "::schemas::__private";

fn private() -> TokenStream {
    P.parse().unwrap_or_default()
}

pub fn expand(c: &Container) -> TokenStream {
    let p = private();
    let ident = c.ident;
    // Defaults are validated while the schema is built (see `default_check`), so the
    // parameters must be `Validate` as well.
    let mut generics = with_bound(c.generics, quote!(#p::JsonSchema + #p::Validate));
    if matches!(c.default, Some(None)) && !c.generics.params.is_empty() {
        let (_, ty_g, _) = c.generics.split_for_impl();
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(#ident #ty_g: ::core::default::Default));
    }
    let (impl_g, ty_g, where_c) = generics.split_for_impl();
    let name = ident.to_string();
    let params = type_params(c.generics);
    let schema_name = if params.is_empty() {
        quote!(#p::Cow::Borrowed(#name))
    } else {
        quote! {
            #p::Cow::Owned({
                let __args: &[#p::Cow<'static, str>] = &[#(<#params as #p::JsonSchema>::schema_name()),*];
                ::std::format!("{}_{}", #name, __args.join("_"))
            })
        }
    };
    let body = match &c.data {
        Data::Struct {
            fields,
            deny_unknown,
        } => object(fields, *deny_unknown, None),
        Data::Transparent(f) => field_schema(f),
        Data::Unit => quote!(#p::json!({ "type": "null" })),
        Data::UnitEnum { variants, repr } => {
            let int = matches!(repr, Some(Repr::Int));
            let ty = if int { "integer" } else { "string" };
            let alts = variants.iter().map(|v| {
                let title = &v.name;
                let konst = if int {
                    let n = v.value;
                    quote!(#p::Value::from(#n))
                } else {
                    quote!(#p::Value::from(#title))
                };
                let desc = describe(&v.doc);
                let aliases = if int {
                    Vec::new()
                } else {
                    v.aliases
                        .iter()
                        .map(|a| quote!(__alts.push(#p::json!({ "const": #a, "title": #title, "x-alias-of": #title }));))
                        .collect()
                };
                quote! {
                    {
                        let mut __alt = #p::Map::new();
                        __alt.insert("const".into(), #konst);
                        __alt.insert("title".into(), #p::Value::from(#title));
                        #desc
                        __alts.push(#p::Value::Object(__alt));
                    }
                    #(#aliases)*
                }
            });
            quote! {{
                let mut __alts: ::std::vec::Vec<#p::Value> = ::std::vec::Vec::new();
                #(#alts)*
                #p::json!({ "type": #ty, "oneOf": __alts })
            }}
        }
        Data::Enum {
            variants,
            tagging,
            deny_unknown,
        } => data_enum(variants, tagging, *deny_unknown),
    };
    let uses_container_default = matches!(&c.data, Data::Struct { fields, .. }
        if fields.iter().any(|f| matches!(f.missing, Missing::ContainerDefault)));
    let container_default = match (&c.default, uses_container_default) {
        (Some(Some(path)), true) => quote!(let __container_default: Self = #path();),
        (Some(None), true) => {
            quote!(let __container_default: Self = ::core::default::Default::default();)
        }
        _ => quote!(),
    };
    let title = c
        .title
        .as_ref()
        .map(|t| quote!(#p::schema_set(&mut __schema, "title", #p::Value::from(#t));));
    let desc = c
        .doc
        .as_ref()
        .map(|d| quote!(#p::schema_set(&mut __schema, "description", #p::Value::from(#d));));
    let rules = c.rules.iter().map(|r| {
        let name = path_name(r);
        quote!(#p::schema_push(&mut __schema, "x-rules", #name);)
    });
    quote! {
        #[automatically_derived]
        impl #impl_g #p::JsonSchema for #ident #ty_g #where_c {
            fn schema_name() -> #p::Cow<'static, str> {
                #schema_name
            }
            fn schema_body(__g: &mut #p::SchemaGenerator) -> #p::Value {
                #container_default
                let mut __schema: #p::Value = #body;
                #title
                #desc
                #(#rules)*
                __schema
            }
        }
    }
}

/// The last segment of a path, as the name of a rule or custom check in the schema.
fn path_name(path: &syn::Path) -> String {
    path.segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default()
}

fn describe(doc: &Option<String>) -> TokenStream {
    let p = private();
    match doc {
        Some(d) => quote!(__alt.insert("description".into(), #p::Value::from(#d));),
        None => quote!(),
    }
}

/// The schema of one field: its type's schema, its constraints and annotations.
fn field_schema(f: &Field) -> TokenStream {
    let p = private();
    let ty = f.ty;
    let c = &f.c;
    let mut parts = Vec::new();
    if let Some((_, b)) = &c.range {
        let b = bounds_tokens(b);
        parts.push(quote!(#p::schema_range(&mut __s, &#b);));
    }
    let probe = quote! {{
        #[allow(unused_imports)]
        use #p::{ProbeLength as _, ProbeNone as _};
        (&#p::LengthProbe::<#ty>::new()).kind()
    }};
    if let Some((_, min, max)) = &c.length {
        let (min, max) = (opt_usize(*min), opt_usize(*max));
        parts.push(quote!(#p::schema_length(&mut __s, #probe, #min, #max);));
    }
    if c.non_empty.is_some() {
        parts.push(quote!(#p::schema_length(&mut __s, #probe, ::core::option::Option::Some(1), ::core::option::Option::None);));
    }
    if let Some((_, src)) = &c.pattern {
        parts.push(quote!(#p::schema_pattern(&mut __s, #src);));
    }
    if let Some((span, name)) = &c.format {
        let fmt = format_tokens(*span, name);
        parts.push(quote!(#p::schema_format(&mut __s, #fmt);));
    }
    if c.unique.is_some() {
        parts.push(quote!(#p::schema_unique(&mut __s);));
    }
    for path in &c.custom {
        let name = path_name(path);
        parts.push(quote!(#p::schema_push(&mut __s, "x-custom", #name);));
    }
    if let Some(d) = &f.doc {
        parts.push(quote!(#p::schema_set(&mut __s, "description", #p::Value::from(#d));));
    }
    if c.secret {
        parts.push(quote!(#p::schema_set(&mut __s, "writeOnly", #p::Value::Bool(true));));
    }
    if c.deprecated {
        parts.push(quote!(#p::schema_set(&mut __s, "deprecated", #p::Value::Bool(true));));
    }
    if let Some(e) = &c.example {
        parts.push(quote!(#p::schema_set(&mut __s, "examples", #p::Value::Array(::std::vec![#p::Value::from(#e)]));));
    }
    quote! {{
        let mut __s: #p::Value = __g.subschema::<#ty>();
        #(#parts)*
        __s
    }}
}

/// A key that serde fills with a default when it is missing may be left out only if
/// that default passes the field's constraints; otherwise the key is required.
fn default_check(f: &Field, value: TokenStream, push_required: TokenStream) -> TokenStream {
    let p = private();
    let checks = field_checks(f, value, false);
    quote! {{
        let __opts = #p::Options::default();
        let mut __cx_default = #p::Context::new(&__opts);
        let __cx = &mut __cx_default;
        #checks
        if __cx.has_constraint_errors() {
            #push_required
        }
    }}
}

/// Builds an object schema from named fields; `tag` is an internal tag's
/// `(key, variant name)`, written first and required.
fn object(fields: &[Field], deny_unknown: bool, tag: Option<(&str, &str)>) -> TokenStream {
    let p = private();
    let tag = tag.map(|(k, v)| {
        quote! {
            __props.insert(#k.into(), #p::json!({ "const": #v }));
            __required.push(#p::Value::from(#k));
        }
    });
    let fields = fields.iter().map(|f| {
        let ty = f.ty;
        if f.flatten {
            return quote! {{
                let __inner = <#ty as #p::JsonSchema>::schema_body(__g);
                #p::flatten_into(__inner, &mut __props, &mut __required, &mut __all_of, &mut __additional, &mut __open);
            }};
        }
        let schema = field_schema(f);
        let wire = &f.wire;
        let names: Vec<&String> = std::iter::once(&f.wire).chain(&f.aliases).collect();
        let aliases = &f.aliases;
        let push_required = if aliases.is_empty() {
            quote!(__required.push(#p::Value::from(#wire));)
        } else {
            quote!(__all_of.push(#p::json!({ "anyOf": [#({ "required": [#names] }),*] }));)
        };
        let required = match &f.missing {
            Missing::None => quote!(),
            Missing::Error => push_required,
            Missing::FieldDefault => default_check(f, quote!(&<#ty as ::core::default::Default>::default()), push_required),
            Missing::FieldPath(path) => default_check(f, quote!(&#path()), push_required),
            Missing::ContainerDefault => {
                let m = &f.member;
                default_check(f, quote!(&__container_default.#m), push_required)
            }
        };
        let mut exclusive = Vec::new();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                exclusive.push(quote!(__all_of.push(#p::json!({ "not": { "required": [#a, #b] } }));));
            }
        }
        quote! {{
            let __s = #schema;
            __props.insert(#wire.into(), __s.clone());
            #(__props.insert(#aliases.into(), __s.clone());)*
            let _ = __s;
            #required
            #(#exclusive)*
        }}
    });
    quote! {{
        let mut __props = #p::Map::new();
        let mut __required: ::std::vec::Vec<#p::Value> = ::std::vec::Vec::new();
        let mut __all_of: ::std::vec::Vec<#p::Value> = ::std::vec::Vec::new();
        let mut __additional: ::core::option::Option<#p::Value> = ::core::option::Option::None;
        let mut __open = false;
        #tag
        #(#fields)*
        #p::object_schema(__props, __required, __all_of, __additional, __open, #deny_unknown)
    }}
}

fn data_enum(variants: &[Variant], tagging: &Tagging, deny_unknown: bool) -> TokenStream {
    let p = private();
    let mut alts = Vec::new();
    for v in variants.iter().filter(|v| !v.skip) {
        let names: Vec<&String> = std::iter::once(&v.wire).chain(&v.aliases).collect();
        for name in names {
            let alt = match (tagging, &v.shape) {
                (Tagging::External, Shape::Unit) => quote! {
                    #p::json!({ "oneOf": [
                        { "const": #name },
                        { "type": "object", "properties": { #name: { "type": "null" } }, "required": [#name], "additionalProperties": false }
                    ] })
                },
                (Tagging::External, Shape::Newtype(f)) => {
                    let s = field_schema(f);
                    quote!(#p::json!({ "type": "object", "properties": { #name: (#s) }, "required": [#name], "additionalProperties": false }))
                }
                (Tagging::External, Shape::Struct(fields)) => {
                    let s = object(fields, deny_unknown, None);
                    quote!(#p::json!({ "type": "object", "properties": { #name: (#s) }, "required": [#name], "additionalProperties": false }))
                }
                // serde ignores the other keys of a unit variant, even with deny_unknown_fields.
                (Tagging::Internal { tag }, Shape::Unit) => object(&[], false, Some((tag, name))),
                (Tagging::Internal { tag }, Shape::Struct(fields)) => {
                    object(fields, deny_unknown, Some((tag, name)))
                }
                (Tagging::Internal { tag }, Shape::Newtype(f)) => {
                    let ty = f.ty;
                    quote! {{
                        let mut __props = #p::Map::new();
                        let mut __required = ::std::vec![#p::Value::from(#tag)];
                        let mut __all_of: ::std::vec::Vec<#p::Value> = ::std::vec::Vec::new();
                        let mut __additional: ::core::option::Option<#p::Value> = ::core::option::Option::None;
                        let mut __open = false;
                        __props.insert(#tag.into(), #p::json!({ "const": #name }));
                        let __inner = <#ty as #p::JsonSchema>::schema_body(__g);
                        #p::flatten_into(__inner, &mut __props, &mut __required, &mut __all_of, &mut __additional, &mut __open);
                        #p::object_schema(__props, __required, __all_of, __additional, __open, #deny_unknown)
                    }}
                }
                (Tagging::Adjacent { tag, content }, shape) => {
                    let (content_schema, required) = match shape {
                        Shape::Unit => (quote!(#p::json!({ "type": "null" })), quote!([#tag])),
                        Shape::Newtype(f) => (field_schema(f), quote!([#tag, #content])),
                        Shape::Struct(fields) => {
                            (object(fields, deny_unknown, None), quote!([#tag, #content]))
                        }
                    };
                    let closed = if deny_unknown {
                        quote!(__m.insert("additionalProperties".into(), #p::Value::Bool(false));)
                    } else {
                        quote!()
                    };
                    quote! {{
                        let mut __m = #p::Map::new();
                        __m.insert("type".into(), #p::Value::from("object"));
                        __m.insert("properties".into(), #p::json!({ #tag: { "const": #name }, #content: (#content_schema) }));
                        __m.insert("required".into(), #p::json!(#required));
                        #closed
                        #p::Value::Object(__m)
                    }}
                }
                (Tagging::Untagged, Shape::Unit) => quote!(#p::json!({ "type": "null" })),
                (Tagging::Untagged, Shape::Newtype(f)) => field_schema(f),
                (Tagging::Untagged, Shape::Struct(fields)) => object(fields, deny_unknown, None),
            };
            let desc = v
                .doc
                .as_ref()
                .map(|d| quote!(#p::schema_set(&mut __alt, "description", #p::Value::from(#d));));
            alts.push(quote! {{
                let mut __alt: #p::Value = #alt;
                #p::schema_set(&mut __alt, "title", #p::Value::from(#name));
                #desc
                __alts.push(__alt);
            }});
        }
    }
    let key = if matches!(tagging, Tagging::Untagged) {
        "anyOf"
    } else {
        "oneOf"
    };
    quote! {{
        let mut __alts: ::std::vec::Vec<#p::Value> = ::std::vec::Vec::new();
        #(#alts)*
        #p::json!({ #key: __alts })
    }}
}
