//! Trait bounds for generic types: every type parameter must implement the trait the
//! impl is for (like serde's default, a bound per parameter).

use proc_macro2::TokenStream;

/// `generics` with `param: bound` added for every type parameter.
pub fn with_bound(generics: &syn::Generics, bound: TokenStream) -> syn::Generics {
    let mut generics = generics.clone();
    let params: Vec<syn::Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    if params.is_empty() {
        return generics;
    }
    let where_clause = generics.make_where_clause();
    for p in params {
        where_clause.predicates.push(syn::parse_quote!(#p: #bound));
    }
    generics
}

/// The type parameters of `generics`.
pub fn type_params(generics: &syn::Generics) -> Vec<&syn::Ident> {
    generics.type_params().map(|p| &p.ident).collect()
}
