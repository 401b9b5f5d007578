//! `#[schema(...)]`: every keyword at every level, checked against the level it sits
//! at, with a hint for keywords people write by habit.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Expr, Lit, LitStr};

use super::bounds::{parse_length, parse_range, LengthSpec, RangeSpec};
use super::{key_of, skip_value, Attr};
use crate::case::{RenameRule, RULE_NAMES};
use crate::ctxt::Ctxt;

/// The formats `format = "..."` accepts (kept in step with `schemas::formats::Format`).
pub const FORMATS: &[&str] = &[
    "ipv4",
    "ipv6",
    "ip",
    "cidr",
    "uri",
    "hostname",
    "hex",
    "base64",
    "email",
    "date-time",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repr {
    Int,
    String,
}

/// Where an attribute sits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Container,
    Variant,
    Field,
}

impl Level {
    fn describe(self) -> &'static str {
        match self {
            Level::Container => "a struct or enum",
            Level::Variant => "an enum variant",
            Level::Field => "a field",
        }
    }
}

/// Everything `#[schema(...)]` can say, at any level.
pub struct SchemaAttrs {
    pub range: Attr<RangeSpec>,
    pub length: Attr<LengthSpec>,
    pub non_empty: Attr<()>,
    pub pattern: Attr<String>,
    pub format: Attr<String>,
    pub unique: Attr<()>,
    pub custom: Vec<syn::Path>,
    pub secret: Attr<()>,
    pub example: Attr<Expr>,
    pub deprecated: Attr<()>,
    pub rules: Vec<syn::Path>,
    pub title: Attr<String>,
    pub rename_all: Attr<RenameRule>,
    pub repr: Attr<Repr>,
    pub rename: Attr<String>,
    pub aliases: Vec<(Span, String)>,
}

const FIELD_KEYS: &[&str] = &[
    "range",
    "length",
    "non_empty",
    "pattern",
    "format",
    "unique",
    "custom",
    "secret",
    "example",
    "deprecated",
];
const CONTAINER_KEYS: &[&str] = &["rule", "title", "rename_all", "repr"];
const VARIANT_KEYS: &[&str] = &["rename", "alias"];

fn keys_of(level: Level) -> &'static [&'static str] {
    match level {
        Level::Container => CONTAINER_KEYS,
        Level::Variant => VARIANT_KEYS,
        Level::Field => FIELD_KEYS,
    }
}

/// A hint for keywords people write by habit.
fn hint(key: &str) -> Option<&'static str> {
    Some(match key {
        "min" | "max" | "minimum" | "maximum" => {
            "write `range(min = .., max = ..)` for numbers or `length(min = .., max = ..)` for strings and lists"
        }
        "min_length" | "max_length" | "len" => "write `length(min = .., max = ..)`",
        "regex" => "write `pattern = \"...\"`",
        "email" | "url" | "uri" | "ip" | "ipv4" | "ipv6" | "cidr" | "hostname" => {
            "write `format = \"...\"`"
        }
        "nested" | "dive" => "nested types are validated without a keyword",
        "skip" | "default" | "flatten" => "this is a serde attribute: write `#[serde(...)]`",
        "required" => "fields are required unless `Option` or `#[serde(default)]`",
        "write_only" | "writeOnly" | "sensitive" => "write `secret`",
        _ => return None,
    })
}

fn no_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) || meta.input.peek(syn::token::Paren) {
        cx.error_at(
            meta.path.span(),
            format!("`{key}` takes no value: write `#[schema({key})]`"),
        );
        skip_value(meta)?;
    }
    Ok(())
}

fn parse_lit_str(cx: &Ctxt, meta: &ParseNestedMeta, what: &str) -> syn::Result<Option<String>> {
    let expr: Expr = meta.value()?.parse()?;
    match &expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(s), ..
        }) => Ok(Some(s.value())),
        _ => {
            cx.error_spanned_by(&expr, format!("expected a string literal: {what}"));
            Ok(None)
        }
    }
}

impl SchemaAttrs {
    fn empty() -> Self {
        SchemaAttrs {
            range: Attr::none("range"),
            length: Attr::none("length"),
            non_empty: Attr::none("non_empty"),
            pattern: Attr::none("pattern"),
            format: Attr::none("format"),
            unique: Attr::none("unique"),
            custom: Vec::new(),
            secret: Attr::none("secret"),
            example: Attr::none("example"),
            deprecated: Attr::none("deprecated"),
            rules: Vec::new(),
            title: Attr::none("title"),
            rename_all: Attr::none("rename_all"),
            repr: Attr::none("repr"),
            rename: Attr::none("rename"),
            aliases: Vec::new(),
        }
    }

    /// Parses every `#[schema(...)]` among `attrs`, reporting errors into `cx`.
    pub fn parse(cx: &Ctxt, attrs: &[syn::Attribute], level: Level) -> Self {
        let mut out = SchemaAttrs::empty();
        for attr in attrs.iter().filter(|a| a.path().is_ident("schema")) {
            if let syn::Meta::Path(p) = &attr.meta {
                cx.error_spanned_by(p, "expected `#[schema(...)]` with at least one keyword");
                continue;
            }
            let res = attr.parse_nested_meta(|meta| out.parse_one(cx, &meta, level));
            if let Err(e) = res {
                cx.syn_error(e);
            }
        }
        out
    }

    fn parse_one(&mut self, cx: &Ctxt, meta: &ParseNestedMeta, level: Level) -> syn::Result<()> {
        let key = key_of(meta);
        let span = meta.path.span();
        if !keys_of(level).contains(&key.as_str()) {
            let known = [FIELD_KEYS, CONTAINER_KEYS, VARIANT_KEYS]
                .iter()
                .any(|k| k.contains(&key.as_str()));
            let msg = if known {
                format!(
                    "`{key}` does not apply to {}; here the schema attribute takes: {}",
                    level.describe(),
                    keys_of(level).join(", ")
                )
            } else {
                let mut m = format!(
                    "unknown schema attribute `{key}`; expected one of: {}",
                    keys_of(level).join(", ")
                );
                if let Some(h) = hint(&key) {
                    m.push_str(&format!(" ({h})"));
                }
                m
            };
            cx.error_at(span, msg);
            return skip_value(meta);
        }
        match key.as_str() {
            "range" => {
                let spec = parse_range(cx, meta)?;
                self.range.set(cx, span, spec);
            }
            "length" => {
                let spec = parse_length(cx, meta)?;
                self.length.set(cx, span, spec);
            }
            "non_empty" => {
                no_value(cx, meta, &key)?;
                self.non_empty.set(cx, span, ());
            }
            "unique" => {
                no_value(cx, meta, &key)?;
                self.unique.set(cx, span, ());
            }
            "secret" => {
                no_value(cx, meta, &key)?;
                self.secret.set(cx, span, ());
            }
            "deprecated" => {
                no_value(cx, meta, &key)?;
                self.deprecated.set(cx, span, ());
            }
            "pattern" => {
                let lit: LitStr = match meta.value()?.parse() {
                    Ok(l) => l,
                    Err(e) => {
                        cx.syn_error(syn::Error::new(
                            e.span(),
                            "`pattern` takes a string literal: `pattern = \"^[a-z]+$\"`",
                        ));
                        return Ok(());
                    }
                };
                match regex::Regex::new(&lit.value()) {
                    Ok(_) => self.pattern.set(cx, span, lit.value()),
                    Err(e) => cx.error_spanned_by(&lit, format!("invalid regular expression: {e}")),
                }
            }
            "format" => {
                if let Some(f) = parse_lit_str(cx, meta, "`format = \"cidr\"`")? {
                    if FORMATS.contains(&f.as_str()) {
                        self.format.set(cx, span, f);
                    } else {
                        cx.error_at(
                            span,
                            format!(
                                "unknown format \"{f}\"; expected one of: {}",
                                FORMATS.join(", ")
                            ),
                        );
                    }
                }
            }
            "custom" | "rule" => {
                let expr: Expr = meta.value()?.parse()?;
                match expr {
                    Expr::Path(p) => {
                        if key == "custom" {
                            self.custom.push(p.path)
                        } else {
                            self.rules.push(p.path)
                        }
                    }
                    other => cx.error_spanned_by(
                        &other,
                        format!("`{key}` takes the path of a function: `{key} = path::to::check`"),
                    ),
                }
            }
            "example" => {
                let expr: Expr = meta.value()?.parse()?;
                self.example.set(cx, span, expr);
            }
            "title" => {
                if let Some(t) = parse_lit_str(cx, meta, "`title = \"...\"`")? {
                    self.title.set(cx, span, t);
                }
            }
            "rename" => {
                if let Some(t) = parse_lit_str(cx, meta, "`rename = \"name\"`")? {
                    self.rename.set(cx, span, t);
                }
            }
            "alias" => {
                if let Some(t) = parse_lit_str(cx, meta, "`alias = \"name\"`")? {
                    self.aliases.push((span, t));
                }
            }
            "rename_all" => {
                if let Some(t) = parse_lit_str(cx, meta, "`rename_all = \"snake_case\"`")? {
                    match RenameRule::from_str(&t) {
                        Some(r) => self.rename_all.set(cx, span, r),
                        None => cx.error_at(
                            span,
                            format!(
                                "unknown case style \"{t}\"; expected one of: {}",
                                RULE_NAMES.join(", ")
                            ),
                        ),
                    }
                }
            }
            "repr" => {
                if let Some(t) = parse_lit_str(cx, meta, "`repr = \"int\"` or `repr = \"string\"`")?
                {
                    match t.as_str() {
                        "int" => self.repr.set(cx, span, Repr::Int),
                        "string" => self.repr.set(cx, span, Repr::String),
                        _ => cx.error_at(
                            span,
                            format!("unknown repr \"{t}\"; expected \"int\" (the integer value on the wire) or \"string\" (the name)"),
                        ),
                    }
                }
            }
            _ => skip_value(meta)?,
        }
        Ok(())
    }
}
