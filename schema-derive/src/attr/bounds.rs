//! The bounds of `range(...)` and `length(...)`: number literals, each bound recorded
//! once with its span.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Expr, Lit};

use super::{key_of, skip_value};
use crate::ctxt::Ctxt;

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

/// Parses the bounds of `range(min = .., max = .., ...)`.
pub(super) fn parse_range(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<RangeSpec> {
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
    Ok(spec)
}

/// Parses the bounds of `length(min = .., max = ..)` or `length(equal = ..)`.
pub(super) fn parse_length(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<LengthSpec> {
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
                    cx.error_at(m.path.span(), format!("duplicate `length` bound `{k}`"));
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
    Ok(spec)
}
