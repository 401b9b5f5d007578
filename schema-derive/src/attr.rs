//! Stage 1: the raw `#[schema(...)]`, `#[serde(...)]` and doc attributes of one item,
//! each keyword recorded once with its span. A second occurrence is a "duplicate" error
//! naming both places; an unknown keyword says what to write instead.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Expr, Lit, LitStr};

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

/// A numeric literal of `range(...)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumLit {
    Int(i128),
    Float(f64),
}

impl NumLit {
    pub fn as_f64(self) -> f64 {
        match self {
            NumLit::Int(i) => i as f64,
            NumLit::Float(f) => f,
        }
    }
}

#[derive(Default)]
pub struct RangeSpec {
    pub min: Option<(Span, NumLit)>,
    pub max: Option<(Span, NumLit)>,
    pub exclusive_min: Option<(Span, NumLit)>,
    pub exclusive_max: Option<(Span, NumLit)>,
}

#[derive(Default)]
pub struct LengthSpec {
    pub min: Option<(Span, u64)>,
    pub max: Option<(Span, u64)>,
    pub equal: Option<(Span, u64)>,
}

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

fn parse_num(expr: &Expr) -> Option<NumLit> {
    match expr {
        Expr::Lit(l) => match &l.lit {
            Lit::Int(i) => i.base10_parse::<i128>().ok().map(NumLit::Int),
            Lit::Float(f) => f.base10_parse::<f64>().ok().map(NumLit::Float),
            _ => None,
        },
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => match parse_num(&u.expr)? {
            NumLit::Int(i) => Some(NumLit::Int(-i)),
            NumLit::Float(f) => Some(NumLit::Float(-f)),
        },
        Expr::Group(g) => parse_num(&g.expr),
        _ => None,
    }
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
                let mut spec = RangeSpec::default();
                meta.parse_nested_meta(|m| {
                    let k = key_of(&m);
                    let slot = match k.as_str() {
                        "min" => &mut spec.min,
                        "max" => &mut spec.max,
                        "exclusive_min" => &mut spec.exclusive_min,
                        "exclusive_max" => &mut spec.exclusive_max,
                        _ => {
                            cx.error_at(m.path.span(), format!("unknown `range` bound `{k}`; expected min, max, exclusive_min or exclusive_max"));
                            return skip_value(&m);
                        }
                    };
                    let expr: Expr = m.value()?.parse()?;
                    match parse_num(&expr) {
                        Some(n) if n.as_f64().is_finite() => {
                            if slot.is_some() {
                                cx.error_at(m.path.span(), format!("duplicate `range` bound `{k}`"));
                            }
                            *slot = Some((m.path.span(), n));
                        }
                        _ => cx.error_spanned_by(&expr, format!("`range({k} = ..)` takes a number literal, such as `{k} = 1` or `{k} = 0.5`")),
                    }
                    Ok(())
                })?;
                self.range.set(cx, span, spec);
            }
            "length" => {
                let mut spec = LengthSpec::default();
                meta.parse_nested_meta(|m| {
                    let k = key_of(&m);
                    let slot = match k.as_str() {
                        "min" => &mut spec.min,
                        "max" => &mut spec.max,
                        "equal" => &mut spec.equal,
                        _ => {
                            cx.error_at(
                                m.path.span(),
                                format!("unknown `length` bound `{k}`; expected min, max or equal"),
                            );
                            return skip_value(&m);
                        }
                    };
                    let expr: Expr = m.value()?.parse()?;
                    match parse_num(&expr) {
                        Some(NumLit::Int(n)) if n >= 0 && n <= u32::MAX as i128 => {
                            if slot.is_some() {
                                cx.error_at(
                                    m.path.span(),
                                    format!("duplicate `length` bound `{k}`"),
                                );
                            }
                            *slot = Some((m.path.span(), n as u64));
                        }
                        _ => cx.error_spanned_by(
                            &expr,
                            format!("`length({k} = ..)` takes a whole number, such as `{k} = 1`"),
                        ),
                    }
                    Ok(())
                })?;
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

/// The doc comment of an item, lines joined, or `None`.
pub fn doc_of(attrs: &[syn::Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let Expr::Lit(syn::ExprLit {
                lit: Lit::Str(s), ..
            }) = &nv.value
            {
                let v = s.value();
                lines.push(v.strip_prefix(' ').unwrap_or(&v).trim_end().to_string());
            }
        }
    }
    // Paragraphs are joined with a blank line, wrapped lines with a space.
    let mut out = String::new();
    for line in lines {
        if line.is_empty() {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push_str("\n\n");
            }
        } else {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            out.push_str(&line);
        }
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}
