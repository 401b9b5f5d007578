//! Stub impls emitted next to attribute errors, so code that uses the type does not add
//! a second error to the first.

use proc_macro2::TokenStream;
use quote::quote;

pub fn stubs(input: &syn::DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let name = ident.to_string();
    let unit_enum = match &input.data {
        syn::Data::Enum(e) => {
            !e.variants.is_empty()
                && e.variants
                    .iter()
                    .all(|v| matches!(v.fields, syn::Fields::Unit))
        }
        _ => false,
    };
    let enum_stubs = if unit_enum {
        quote! {
            #[automatically_derived]
            impl #impl_g ::schemas::__private::StrEnum for #ident #ty_g #where_c {
                const VARIANTS: &'static [Self] = &[];
                const NAMES: &'static [&'static str] = &[];
                fn as_str(&self) -> &'static str { "" }
                fn to_int(&self) -> i64 { 0 }
                fn from_name(_: &str) -> ::core::option::Option<Self> { ::core::option::Option::None }
                fn from_int(_: i64) -> ::core::option::Option<Self> { ::core::option::Option::None }
            }
            #[automatically_derived]
            impl #impl_g ::core::str::FromStr for #ident #ty_g #where_c {
                type Err = ::schemas::__private::ParseEnumError;
                fn from_str(s: &str) -> ::core::result::Result<Self, ::schemas::__private::ParseEnumError> {
                    ::core::result::Result::Err(::schemas::__private::ParseEnumError::new(#name, s, &[]))
                }
            }
            #[automatically_derived]
            impl #impl_g ::core::fmt::Display for #ident #ty_g #where_c {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { ::core::result::Result::Ok(()) }
            }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        const _: () = {
            #[automatically_derived]
            impl #impl_g ::schemas::__private::Validate for #ident #ty_g #where_c {
                fn validate_into(&self, _: &mut ::schemas::__private::Context<'_>) {}
            }
            #[automatically_derived]
            impl #impl_g ::schemas::__private::JsonSchema for #ident #ty_g #where_c {
                fn schema_name() -> ::schemas::__private::Cow<'static, str> {
                    ::schemas::__private::Cow::Borrowed(#name)
                }
                fn schema_body(_: &mut ::schemas::__private::SchemaGenerator) -> ::schemas::__private::Value {
                    ::schemas::__private::Value::Bool(true)
                }
            }
            #enum_stubs
        };
    }
}
