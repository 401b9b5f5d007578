//! Emitter: the name and integer mappings of unit enums (`StrEnum`, `FromStr`,
//! `Display`, `TryFrom<i64>`, inherent `as_str`/`to_int`) and, with `repr`, serde's
//! `Serialize`/`Deserialize` in the chosen wire form.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Data};
use crate::attr::Repr;

pub fn expand(c: &Container) -> TokenStream {
    let Data::UnitEnum { variants, repr } = &c.data else {
        return TokenStream::new();
    };
    let p: TokenStream = "::schemas::__private".parse().unwrap_or_default();
    let ident = c.ident;
    let (impl_g, ty_g, where_c) = c.generics.split_for_impl();
    let type_name = ident.to_string();
    let idents: Vec<_> = variants.iter().map(|v| v.ident).collect();
    let names: Vec<_> = variants.iter().map(|v| v.name.as_str()).collect();
    let values: Vec<_> = variants.iter().map(|v| v.value).collect();
    let accepted: Vec<TokenStream> = variants
        .iter()
        .map(|v| {
            let all = std::iter::once(&v.name).chain(&v.aliases);
            quote!(#(#all)|*)
        })
        .collect();
    let serde_impls = match repr {
        None => TokenStream::new(),
        Some(repr) => {
            let (ser, de) = match repr {
                Repr::Int => (quote!(serialize_int_enum), quote!(deserialize_int_enum)),
                Repr::String => (quote!(serialize_str_enum), quote!(deserialize_str_enum)),
            };
            quote! {
                #[automatically_derived]
                impl #impl_g #p::serde::Serialize for #ident #ty_g #where_c {
                    fn serialize<__S: #p::serde::Serializer>(&self, __s: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                        #p::#ser(self, __s)
                    }
                }
                #[automatically_derived]
                impl<'de> #p::serde::Deserialize<'de> for #ident #ty_g #where_c {
                    fn deserialize<__D: #p::serde::Deserializer<'de>>(__d: __D) -> ::core::result::Result<Self, __D::Error> {
                        #p::#de(#type_name, __d)
                    }
                }
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_g #p::StrEnum for #ident #ty_g #where_c {
            const VARIANTS: &'static [Self] = &[#(Self::#idents),*];
            const NAMES: &'static [&'static str] = &[#(#names),*];
            fn as_str(&self) -> &'static str {
                match self { #(Self::#idents => #names,)* }
            }
            fn to_int(&self) -> i64 {
                match self { #(Self::#idents => #values,)* }
            }
            fn from_name(name: &str) -> ::core::option::Option<Self> {
                match name {
                    #(#accepted => ::core::option::Option::Some(Self::#idents),)*
                    _ => ::core::option::Option::None,
                }
            }
            fn from_int(value: i64) -> ::core::option::Option<Self> {
                match value {
                    #(#values => ::core::option::Option::Some(Self::#idents),)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        #[automatically_derived]
        impl #impl_g #ident #ty_g #where_c {
            /// The variant's name (see `schemas::StrEnum`).
            pub const fn as_str(&self) -> &'static str {
                match self { #(Self::#idents => #names,)* }
            }
            /// The variant's integer value.
            pub const fn to_int(&self) -> i64 {
                match self { #(Self::#idents => #values,)* }
            }
        }

        #[automatically_derived]
        impl #impl_g ::core::str::FromStr for #ident #ty_g #where_c {
            type Err = #p::ParseEnumError;
            fn from_str(s: &str) -> ::core::result::Result<Self, #p::ParseEnumError> {
                <Self as #p::StrEnum>::from_name(s)
                    .ok_or_else(|| #p::ParseEnumError::new(#type_name, s, <Self as #p::StrEnum>::NAMES))
            }
        }

        #[automatically_derived]
        impl #impl_g ::core::fmt::Display for #ident #ty_g #where_c {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(<Self as #p::StrEnum>::as_str(self))
            }
        }

        #[automatically_derived]
        impl #impl_g ::core::convert::TryFrom<i64> for #ident #ty_g #where_c {
            type Error = #p::InvalidDiscriminant;
            fn try_from(value: i64) -> ::core::result::Result<Self, #p::InvalidDiscriminant> {
                <Self as #p::StrEnum>::from_int(value)
                    .ok_or_else(|| #p::InvalidDiscriminant::new(#type_name, value))
            }
        }

        #serde_impls
    }
}
