//! The field constraints of `#[schema(...)]`: one check and one schema keyword each.
//!
//! Generated code calls these through `schemas::__private`; the traits say which Rust
//! types a constraint applies to, so `length` on a `u32` is a compile error that names
//! the attribute.

// The checks stay in this file, not in a submodule: the trybuild expectations under
// `tests/ui/wrong_type` name it as the place of their trait bounds.

use std::fmt;

use crate::formats::Format;
use crate::validate::Context;

mod num;
mod schema;
mod types;

pub use num::{Bounds, Num};
pub use schema::{
    schema_format, schema_length, schema_pattern, schema_push, schema_range, schema_set,
    schema_unique, LengthProbe, ProbeLength, ProbeNone,
};
pub use types::{HasLength, Items, LenKind, Numeric, StrLike};

fn shown(value: impl fmt::Display, secret: bool) -> String {
    if secret {
        String::new()
    } else {
        let mut s = value.to_string();
        if s.chars().count() > 80 {
            s = s.chars().take(77).collect::<String>() + "...";
        }
        format!(", got {s}")
    }
}

fn report(cx: &mut Context<'_>, secret: bool, code: &'static str, message: String) {
    if secret {
        cx.secret_error(code, message)
    } else {
        cx.error(code, message)
    }
}

/// Checks `range(...)`.
#[inline]
pub fn check_range<T: Numeric + ?Sized>(v: &T, b: &Bounds, cx: &mut Context<'_>, secret: bool) {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let Some(n) = v.number() else { return };
    // A NaN compares as nothing: it breaks every bound.
    let broken = |bound: Option<Num>, bad: &[std::cmp::Ordering]| match bound {
        Some(bound) => n.partial_cmp(bound).is_none_or(|o| bad.contains(&o)),
        None => false,
    };
    if broken(b.min, &[Less]) {
        range_error(cx, secret, "at least", b.min, n);
    }
    if broken(b.exclusive_min, &[Less, Equal]) {
        range_error(cx, secret, "greater than", b.exclusive_min, n);
    }
    if broken(b.max, &[Greater]) {
        range_error(cx, secret, "at most", b.max, n);
    }
    if broken(b.exclusive_max, &[Greater, Equal]) {
        range_error(cx, secret, "less than", b.exclusive_max, n);
    }
}

#[cold]
fn range_error(cx: &mut Context<'_>, secret: bool, words: &str, bound: Option<Num>, n: Num) {
    if let Some(bound) = bound {
        let msg = format!("must be {words} {bound}{}", shown(n, secret));
        report(cx, secret, "range", msg);
    }
}

fn len_unit(kind: LenKind, n: usize) -> &'static str {
    match (kind, n == 1) {
        (LenKind::Chars, true) => "character",
        (LenKind::Chars, false) => "characters",
        (LenKind::Items, true) => "item",
        (LenKind::Items, false) => "items",
        (LenKind::Properties, true) => "entry",
        (LenKind::Properties, false) => "entries",
    }
}

/// Checks `length(...)` (`equal` is `min` and `max` at once).
pub fn check_length<T: HasLength + ?Sized>(
    v: &T,
    min: Option<usize>,
    max: Option<usize>,
    cx: &mut Context<'_>,
    secret: bool,
) {
    // Most values are well inside their bounds: decide from cheap bounds of the length
    // (a string's byte count) before counting characters.
    if let Some((lo, hi)) = v.length_bounds() {
        if min.is_none_or(|m| lo >= m) && max.is_none_or(|m| hi <= m) {
            return;
        }
    }
    let Some(len) = v.length() else { return };
    let broken = |words: &str, n: usize| {
        let got = if secret {
            String::new()
        } else {
            format!(", got {len}")
        };
        format!("must have {words} {n} {}{got}", len_unit(T::KIND, n))
    };
    if let (Some(a), Some(b)) = (min, max) {
        if a == b {
            if len != a {
                report(cx, secret, "length", broken("exactly", a));
            }
            return;
        }
    }
    if let Some(n) = min.filter(|n| len < *n) {
        report(cx, secret, "length", broken("at least", n));
    }
    if let Some(n) = max.filter(|n| len > *n) {
        report(cx, secret, "length", broken("at most", n));
    }
}

/// Checks `non_empty`.
pub fn check_non_empty<T: HasLength + ?Sized>(v: &T, cx: &mut Context<'_>, secret: bool) {
    // The upper bound is exact at zero (a string with no bytes has no characters).
    if v.length_bounds().is_some_and(|(_, hi)| hi == 0) {
        let what = match T::KIND {
            LenKind::Chars => "must not be an empty string",
            LenKind::Items => "must not be an empty list",
            LenKind::Properties => "must not be an empty object",
        };
        report(cx, secret, "non_empty", what.to_string());
    }
}

/// A `pattern`, compiled on first use.
pub struct Pattern {
    source: &'static str,
    regex: std::sync::LazyLock<Option<regex::Regex>, fn() -> Option<regex::Regex>>,
}

impl Pattern {
    /// A pattern for `source` (checked by the derive at compile time) and its compiler.
    pub const fn new(source: &'static str, compile: fn() -> Option<regex::Regex>) -> Self {
        Pattern {
            source,
            regex: std::sync::LazyLock::new(compile),
        }
    }

    /// The regular expression as written.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `s` matches somewhere (JSON Schema patterns are not anchored).
    pub fn is_match(&self, s: &str) -> bool {
        match &*self.regex {
            Some(re) => re.is_match(s),
            None => false,
        }
    }
}

/// Checks `pattern = "..."`.
pub fn check_pattern<T: StrLike + ?Sized>(v: &T, p: &Pattern, cx: &mut Context<'_>, secret: bool) {
    let Some(s) = v.str_value() else { return };
    if !p.is_match(s) {
        let got = if secret {
            String::new()
        } else {
            format!(", got {}", quote_str(s))
        };
        let msg = format!("must match the pattern {}{got}", p.source());
        report(cx, secret, "pattern", msg);
    }
}

/// Checks `format = "..."`.
pub fn check_format<T: StrLike + ?Sized>(v: &T, f: Format, cx: &mut Context<'_>, secret: bool) {
    let Some(s) = v.str_value() else { return };
    if !f.check(s) {
        let got = if secret {
            String::new()
        } else {
            format!(", got {}", quote_str(s))
        };
        let msg = format!("must be {}{got}", f.describe());
        report(cx, secret, f.code(), msg);
    }
}

/// Checks `unique`.
pub fn check_unique<T: Items + ?Sized>(v: &T, cx: &mut Context<'_>, secret: bool) {
    if let Some((i, j)) = v.first_repeat() {
        let msg = format!("items must be unique: item {i} repeats item {j}");
        report(cx, secret, "unique", msg);
    }
}

/// A string quoted for a message, cut at 64 characters.
pub fn quote_str(s: &str) -> String {
    if s.chars().count() > 64 {
        let cut: String = s.chars().take(61).collect();
        format!("{:?}...", cut)
    } else {
        format!("{s:?}")
    }
}
