//! `#[serde(...)]`: the attributes that shape the wire form, and an error for those
//! whose wire form a schema cannot follow.

use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::LitStr;

use super::{key_of, skip_value};
use crate::case::RenameRule;
use crate::ctxt::Ctxt;

/// The serde attributes that shape the wire form.
#[derive(Default)]
pub struct SerdeAttrs {
    pub rename: Option<String>,
    pub rename_all: Option<RenameRule>,
    pub aliases: Vec<String>,
    /// `default`: `Some(None)`, `default = "path"`: `Some(Some(path))`.
    pub default: Option<Option<syn::ExprPath>>,
    pub skip: bool,
    pub flatten: bool,
    pub deny_unknown_fields: bool,
    pub tag: Option<String>,
    pub content: Option<String>,
    pub untagged: bool,
    pub transparent: bool,
}

/// serde attributes that change the wire form in ways a schema cannot follow.
const SERDE_UNSUPPORTED: &[&str] = &[
    "with",
    "serialize_with",
    "deserialize_with",
    "from",
    "try_from",
    "into",
    "remote",
    "getter",
    "other",
    "rename_all_fields",
    "variant_identifier",
    "field_identifier",
];

fn serde_name(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<String>> {
    if meta.input.peek(syn::Token![=]) {
        let s: LitStr = meta.value()?.parse()?;
        return Ok(Some(s.value()));
    }
    // rename(serialize = "..", deserialize = "..")
    let (mut ser, mut de) = (None, None);
    meta.parse_nested_meta(|m| {
        let s: LitStr = m.value()?.parse()?;
        if m.path.is_ident("serialize") {
            ser = Some(s.value());
        } else if m.path.is_ident("deserialize") {
            de = Some(s.value());
        }
        Ok(())
    })?;
    match (ser, de) {
        (Some(a), Some(b)) if a != b => {
            cx.error_at(
                meta.path.span(),
                format!("#[derive(Schema)] describes one wire form: `{key}` must give serialize and deserialize the same name"),
            );
            Ok(None)
        }
        (a, b) => Ok(b.or(a)),
    }
}

impl SerdeAttrs {
    /// Parses every `#[serde(...)]` among `attrs`. Unknown keys are left to serde.
    pub fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = SerdeAttrs::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
            let res = attr.parse_nested_meta(|meta| {
                let key = key_of(&meta);
                match key.as_str() {
                    "rename" => out.rename = serde_name(cx, &meta, &key)?,
                    "rename_all" => {
                        if let Some(r) = serde_name(cx, &meta, &key)? {
                            out.rename_all = RenameRule::from_str(&r);
                        }
                    }
                    "alias" => {
                        let s: LitStr = meta.value()?.parse()?;
                        out.aliases.push(s.value());
                    }
                    "default" => {
                        if meta.input.peek(syn::Token![=]) {
                            let s: LitStr = meta.value()?.parse()?;
                            out.default = Some(s.parse().ok());
                        } else {
                            out.default = Some(None);
                        }
                    }
                    "skip" | "skip_deserializing" => out.skip = true,
                    "flatten" => out.flatten = true,
                    "deny_unknown_fields" => out.deny_unknown_fields = true,
                    "untagged" => out.untagged = true,
                    "transparent" => out.transparent = true,
                    "tag" => {
                        let s: LitStr = meta.value()?.parse()?;
                        out.tag = Some(s.value());
                    }
                    "content" => {
                        let s: LitStr = meta.value()?.parse()?;
                        out.content = Some(s.value());
                    }
                    k if SERDE_UNSUPPORTED.contains(&k) => {
                        cx.error_at(
                            meta.path.span(),
                            format!("#[derive(Schema)] cannot describe the wire form of `#[serde({k})]`; give the field a type that implements `Serialize`, `Deserialize`, `Validate` and `JsonSchema` instead"),
                        );
                        skip_value(&meta)?;
                    }
                    _ => skip_value(&meta)?,
                }
                Ok(())
            });
            if let Err(e) = res {
                cx.syn_error(e);
            }
        }
        out
    }
}
