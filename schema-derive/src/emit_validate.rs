//! Emitter: `impl Validate`, one check per constraint, walking into every field, then
//! the container's rules. Violations are reported at the field's wire pointer.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use crate::ast::{Bounds, Container, Data, Field, Shape, Tagging};
use crate::attr::NumLit;
use crate::bound::with_bound;

pub fn expand(c: &Container) -> TokenStream {
    let ident = c.ident;
    let generics = with_bound(c.generics, quote!(::schemas::__private::Validate));
    let (impl_g, ty_g, where_c) = generics.split_for_impl();
    let body = match &c.data {
        Data::Struct { fields, .. } => fields
            .iter()
            .map(|f| {
                let member = &f.member;
                field_checks(f, quote!(&self.#member), !f.flatten)
            })
            .collect(),
        Data::Transparent(f) => {
            let member = &f.member;
            field_checks(f, quote!(&self.#member), false)
        }
        Data::Unit | Data::UnitEnum { .. } => TokenStream::new(),
        Data::Enum {
            variants, tagging, ..
        } => {
            let arms = variants.iter().filter(|v| !v.skip).map(|v| {
                let vi = v.ident;
                let prefix = match tagging {
                    Tagging::External => Some(v.wire.as_str()),
                    Tagging::Adjacent { content, .. } => Some(content.as_str()),
                    Tagging::Internal { .. } | Tagging::Untagged => None,
                };
                let (push, pop) = match prefix {
                    Some(p) => (quote!(__cx.push_static(#p);), quote!(__cx.pop();)),
                    None => (quote!(), quote!()),
                };
                match &v.shape {
                    Shape::Unit => quote!(Self::#vi => {}),
                    Shape::Newtype(f) => {
                        let checks = field_checks(f, quote!(__f0), false);
                        quote!(Self::#vi(__f0) => { #push #checks #pop })
                    }
                    Shape::Struct(fields) => {
                        let binds = fields.iter().enumerate().map(|(i, f)| {
                            let m = &f.member;
                            let b = format_ident!("__f{}", i);
                            quote!(#m: #b)
                        });
                        let checks = fields.iter().enumerate().map(|(i, f)| {
                            let b = format_ident!("__f{}", i);
                            field_checks(f, quote!(#b), !f.flatten)
                        });
                        quote!(Self::#vi { #(#binds,)* .. } => { #push #(#checks)* #pop })
                    }
                }
            });
            quote! {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => {}
                }
            }
        }
    };
    let rules = c
        .rules
        .iter()
        .map(|r| quote!(__cx.enter_rule(); #r(self, __cx); __cx.leave_rule();));
    quote! {
        #[automatically_derived]
        impl #impl_g ::schemas::__private::Validate for #ident #ty_g #where_c {
            fn validate_into(&self, __cx: &mut ::schemas::__private::Context<'_>) {
                #body
                #(#rules)*
            }
        }
    }
}

fn num_tokens(n: Option<NumLit>) -> TokenStream {
    match n {
        None => quote!(::core::option::Option::None),
        Some(NumLit::Int(i)) => {
            quote!(::core::option::Option::Some(::schemas::__private::Num::Int(#i)))
        }
        Some(NumLit::Float(f)) => {
            quote!(::core::option::Option::Some(::schemas::__private::Num::Float(#f)))
        }
    }
}

/// The `Bounds` value of a `range(...)`, as tokens.
pub fn bounds_tokens(b: &Bounds) -> TokenStream {
    let (min, max, emin, emax) = (
        num_tokens(b.min),
        num_tokens(b.max),
        num_tokens(b.exclusive_min),
        num_tokens(b.exclusive_max),
    );
    quote! {
        ::schemas::__private::Bounds {
            min: #min, max: #max, exclusive_min: #emin, exclusive_max: #emax,
        }
    }
}

/// The `Format` variant for a format name (names are checked by the parser).
pub fn format_tokens(span: Span, name: &str) -> TokenStream {
    let variant = match name {
        "ipv4" => "Ipv4",
        "ipv6" => "Ipv6",
        "ip" => "Ip",
        "cidr" => "Cidr",
        "uri" => "Uri",
        "hostname" => "Hostname",
        "hex" => "Hex",
        "base64" => "Base64",
        "email" => "Email",
        _ => "DateTime",
    };
    let v = syn::Ident::new(variant, span);
    quote_spanned!(span=> ::schemas::__private::Format::#v)
}

/// Tokens of an `Option<usize>`.
pub fn opt_usize(n: Option<u64>) -> TokenStream {
    match n {
        Some(n) => {
            let n = n as usize;
            quote!(::core::option::Option::Some(#n))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// `function(args);` where `function` carries `span`, so an unmet trait bound points at
/// the attribute, while the arguments keep the derive's own hygiene.
pub fn spanned_call(
    span: Span,
    function: TokenStream,
    ty: TokenStream,
    args: TokenStream,
) -> TokenStream {
    let function = respan(function, span);
    quote!(#function::<#ty>(#args);)
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let proc_macro2::TokenTree::Group(g) = &tt {
                let mut ng = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                ng.set_span(span);
                tt = proc_macro2::TokenTree::Group(ng);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

/// The checks of one field whose value is the expression `value` (of type `&T`).
pub fn field_checks(f: &Field, value: TokenStream, push: bool) -> TokenStream {
    let ty = f.ty;
    let c = &f.c;
    let secret = c.secret;
    let mut checks = Vec::new();
    if let Some((span, b)) = &c.range {
        let b = bounds_tokens(b);
        checks.push(spanned_call(
            *span,
            quote!(::schemas::__private::check_range),
            quote!(#ty),
            quote!(__v, &#b, __cx, #secret),
        ));
    }
    if let Some((span, min, max)) = &c.length {
        let (min, max) = (opt_usize(*min), opt_usize(*max));
        checks.push(spanned_call(
            *span,
            quote!(::schemas::__private::check_length),
            quote!(#ty),
            quote!(__v, #min, #max, __cx, #secret),
        ));
    }
    if let Some(span) = c.non_empty {
        checks.push(spanned_call(
            span,
            quote!(::schemas::__private::check_non_empty),
            quote!(#ty),
            quote!(__v, __cx, #secret),
        ));
    }
    if let Some((span, src)) = &c.pattern {
        let call = spanned_call(
            *span,
            quote!(::schemas::__private::check_pattern),
            quote!(#ty),
            quote!(__v, &__PATTERN, __cx, #secret),
        );
        checks.push(quote! {
            {
                static __PATTERN: ::schemas::__private::Pattern = ::schemas::__private::Pattern::new(
                    #src,
                    || ::schemas::__private::Regex::new(#src).ok(),
                );
                #call
            }
        });
    }
    if let Some((span, name)) = &c.format {
        let fmt = format_tokens(*span, name);
        checks.push(spanned_call(
            *span,
            quote!(::schemas::__private::check_format),
            quote!(#ty),
            quote!(__v, #fmt, __cx, #secret),
        ));
    }
    if let Some(span) = c.unique {
        checks.push(spanned_call(
            span,
            quote!(::schemas::__private::check_unique),
            quote!(#ty),
            quote!(__v, __cx, #secret),
        ));
    }
    for path in &c.custom {
        checks.push(quote!(__cx.enter_rule(); #path(__v, __cx); __cx.leave_rule();));
    }
    let (enter, leave) = if push {
        let wire = &f.wire;
        (quote!(__cx.push_static(#wire);), quote!(__cx.pop();))
    } else {
        (quote!(), quote!())
    };
    let (mark, unmark) = if secret {
        (
            quote!(let __since = __cx.error_count();),
            quote!(__cx.mark_secret_since(__since);),
        )
    } else {
        (quote!(), quote!())
    };
    let body = quote! {
        #enter
        {
            let __v: &#ty = #value;
            #mark
            #(#checks)*
            ::schemas::__private::Validate::validate_into(__v, __cx);
            #unmark
        }
        #leave
    };
    if checks.is_empty() {
        // Nothing to check here: skip fields whose type never reports anything.
        quote! {
            if !<#ty as ::schemas::__private::Validate>::LEAF {
                #body
            }
        }
    } else {
        body
    }
}
