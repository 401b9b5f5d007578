//! Stage 1: the raw `#[schema(...)]`, `#[serde(...)]` and doc attributes of one item,
//! each keyword recorded once with its span. A second occurrence is a "duplicate" error
//! naming both places; an unknown keyword says what to write instead.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::Expr;

mod bounds;
mod doc;
mod schema_attrs;
mod serde_attrs;

pub use bounds::NumLit;
pub use doc::doc_of;
pub use schema_attrs::{Level, Repr, SchemaAttrs};
pub use serde_attrs::SerdeAttrs;

use crate::ctxt::Ctxt;

/// One keyword's value and the span of the keyword that set it.
pub struct Attr<T> {
    name: &'static str,
    value: Option<(Span, T)>,
}

impl<T> Attr<T> {
    fn none(name: &'static str) -> Self {
        Attr { name, value: None }
    }

    fn set(&mut self, cx: &Ctxt, span: Span, value: T) {
        if let Some((first, _)) = &self.value {
            let mut e =
                syn::Error::new(span, format!("duplicate schema attribute `{}`", self.name));
            e.combine(syn::Error::new(*first, "first one here"));
            cx.syn_error(e);
        } else {
            self.value = Some((span, value));
        }
    }

    pub fn get(&self) -> Option<&T> {
        self.value.as_ref().map(|(_, v)| v)
    }

    pub fn span(&self) -> Option<Span> {
        self.value.as_ref().map(|(s, _)| *s)
    }

    pub fn is_set(&self) -> bool {
        self.value.is_some()
    }

    pub fn spanned(&self) -> Option<(Span, &T)> {
        self.value.as_ref().map(|(s, v)| (*s, v))
    }
}

fn key_of(meta: &ParseNestedMeta) -> String {
    let path = &meta.path;
    path.get_ident()
        .map(|i| i.to_string())
        .unwrap_or_else(|| quote::quote!(#path).to_string().replace(' ', ""))
}

/// Consumes whatever value follows a keyword (`= expr` or `(...)`).
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let _: Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in meta.input);
        let _: proc_macro2::TokenStream = _content.parse()?;
    }
    Ok(())
}
