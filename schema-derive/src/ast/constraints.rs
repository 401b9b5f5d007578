//! A field's `#[schema(...)]` constraints, checked against each other (bounds that
//! conflict or leave no value) and resolved into [`Constraints`].

use proc_macro2::Span;

use super::{Bounds, Constraints};
use crate::attr::SchemaAttrs;
use crate::ctxt::Ctxt;

fn conflict(cx: &Ctxt, span: Span, msg: &str, other: Span) {
    let mut e = syn::Error::new(span, msg);
    e.combine(syn::Error::new(other, "conflicts with this"));
    cx.syn_error(e);
}

pub(super) fn constraints(cx: &Ctxt, a: &SchemaAttrs) -> Constraints {
    let mut c = Constraints::default();
    if let Some((span, r)) = a.range.spanned() {
        if let (Some((s1, _)), Some((s2, _))) = (r.min, r.exclusive_min) {
            conflict(
                cx,
                s2,
                "`exclusive_min` cannot be combined with `min`: keep one lower bound",
                s1,
            );
        }
        if let (Some((s1, _)), Some((s2, _))) = (r.max, r.exclusive_max) {
            conflict(
                cx,
                s2,
                "`exclusive_max` cannot be combined with `max`: keep one upper bound",
                s1,
            );
        }
        let lo = r.min.or(r.exclusive_min);
        let hi = r.max.or(r.exclusive_max);
        if let (Some((_, a)), Some((s, b))) = (lo, hi) {
            if a.as_f64() > b.as_f64() {
                cx.error_at(
                    s,
                    "the upper bound is below the lower bound: no value can pass",
                );
            }
        }
        if lo.is_none() && hi.is_none() {
            cx.error_at(
                span,
                "`range` needs at least one bound: `range(min = .., max = ..)`",
            );
        }
        c.range = Some((
            span,
            Bounds {
                min: r.min.map(|x| x.1),
                max: r.max.map(|x| x.1),
                exclusive_min: r.exclusive_min.map(|x| x.1),
                exclusive_max: r.exclusive_max.map(|x| x.1),
            },
        ));
    }
    if let Some((span, l)) = a.length.spanned() {
        let (mut min, mut max) = (l.min.map(|x| x.1), l.max.map(|x| x.1));
        if let Some((es, n)) = l.equal {
            if let Some((s, _)) = l.min.or(l.max) {
                conflict(cx, es, "`equal` cannot be combined with `min` or `max`", s);
            }
            min = Some(n);
            max = Some(n);
        }
        if let (Some(a), Some(b), Some((s, _))) = (min, max, l.max) {
            if a > b {
                cx.error_at(s, "`max` is below `min`: no value can pass");
            }
        }
        if min.is_none() && max.is_none() {
            cx.error_at(span, "`length` needs a bound: `length(min = ..)`, `length(max = ..)` or `length(equal = ..)`");
        }
        if let (Some(ne), Some((s, _))) = (a.non_empty.span(), l.min.or(l.equal)) {
            conflict(
                cx,
                ne,
                "`non_empty` is `length(min = 1)`: keep one of them",
                s,
            );
        }
        c.length = Some((span, min, max));
    }
    c.non_empty = a.non_empty.span();
    c.pattern = a.pattern.spanned().map(|(s, p)| (s, p.clone()));
    c.format = a.format.spanned().map(|(s, p)| (s, p.clone()));
    c.unique = a.unique.span();
    c.custom = a.custom.clone();
    c.secret = a.secret.is_set();
    c.deprecated = a.deprecated.is_set();
    if let (Some(s), Some(e)) = (a.secret.span(), a.example.span()) {
        conflict(
            cx,
            e,
            "a secret field cannot have an example: it would be published in the schema",
            s,
        );
    }
    c.example = a.example.get().cloned();
    c
}
