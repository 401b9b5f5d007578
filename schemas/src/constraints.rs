//! The field constraints of `#[schema(...)]`: one check and one schema keyword each.
//!
//! Generated code calls these through `schemas::__private`; the traits say which Rust
//! types a constraint applies to, so `length` on a `u32` is a compile error that names
//! the attribute.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt;

use serde_json::{Map, Value};

use crate::formats::Format;
use crate::validate::Context;

/// What `length` counts for a type: characters of a string, items of an array or
/// entries of an object (the JSON Schema keywords differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LenKind {
    /// Unicode scalar values of a string (`minLength`/`maxLength`).
    Chars,
    /// Items of an array (`minItems`/`maxItems`).
    Items,
    /// Members of an object (`minProperties`/`maxProperties`).
    Properties,
}

/// A type `length` and `non_empty` apply to.
#[diagnostic::on_unimplemented(
    message = "`length` and `non_empty` apply to strings, sequences and maps, not to `{Self}`",
    label = "this field's type has no length"
)]
pub trait HasLength {
    /// What the length counts.
    const KIND: LenKind;
    /// The length, or `None` when there is no value (`Option::None`).
    fn length(&self) -> Option<usize>;

    /// Cheap lower and upper bounds of the length (for a string: from its byte count,
    /// without counting characters), or `None` when there is no value.
    fn length_bounds(&self) -> Option<(usize, usize)> {
        self.length().map(|n| (n, n))
    }
}

impl HasLength for String {
    const KIND: LenKind = LenKind::Chars;
    fn length(&self) -> Option<usize> {
        Some(self.chars().count())
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        Some(char_bounds(self))
    }
}
impl HasLength for str {
    const KIND: LenKind = LenKind::Chars;
    fn length(&self) -> Option<usize> {
        Some(self.chars().count())
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        Some(char_bounds(self))
    }
}
impl HasLength for Cow<'_, str> {
    const KIND: LenKind = LenKind::Chars;
    fn length(&self) -> Option<usize> {
        Some(self.chars().count())
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        Some(char_bounds(self))
    }
}
/// A string has between a quarter of its bytes (rounded up) and all of them characters.
fn char_bounds(s: &str) -> (usize, usize) {
    (s.len().div_ceil(4), s.len())
}

macro_rules! len_items {
    ($kind:ident: $($t:ty),*) => {$(
        impl<T> HasLength for $t {
            const KIND: LenKind = LenKind::$kind;
            fn length(&self) -> Option<usize> { Some(self.len()) }
        }
    )*};
}
len_items!(Items: Vec<T>, [T], VecDeque<T>, BTreeSet<T>);
impl<T, S> HasLength for HashSet<T, S> {
    const KIND: LenKind = LenKind::Items;
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<K, V, S> HasLength for HashMap<K, V, S> {
    const KIND: LenKind = LenKind::Properties;
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<K, V> HasLength for BTreeMap<K, V> {
    const KIND: LenKind = LenKind::Properties;
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<T: HasLength> HasLength for Option<T> {
    const KIND: LenKind = T::KIND;
    fn length(&self) -> Option<usize> {
        self.as_ref().and_then(T::length)
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        self.as_ref().and_then(T::length_bounds)
    }
}
impl<T: HasLength + ?Sized> HasLength for Box<T> {
    const KIND: LenKind = T::KIND;
    fn length(&self) -> Option<usize> {
        (**self).length()
    }
    fn length_bounds(&self) -> Option<(usize, usize)> {
        (**self).length_bounds()
    }
}

/// A bound of `range`, exact for integers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// An integer bound or value.
    Int(i128),
    /// A floating point bound or value.
    Float(f64),
}

impl Num {
    fn partial_cmp(self, other: Num) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(&b)),
            (a, b) => a.as_f64().partial_cmp(&b.as_f64()),
        }
    }

    fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// The bound as a JSON number.
    pub fn to_json(self) -> Value {
        match self {
            Num::Int(i) => {
                if let Ok(i) = i64::try_from(i) {
                    Value::from(i)
                } else if let Ok(u) = u64::try_from(i) {
                    Value::from(u)
                } else {
                    Value::from(i as f64)
                }
            }
            Num::Float(f) => Value::from(f),
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

/// A type `range` applies to.
#[diagnostic::on_unimplemented(
    message = "`range` applies to numbers, not to `{Self}`",
    label = "this field's type is not a number"
)]
pub trait Numeric {
    /// The value, or `None` when there is none (`Option::None`).
    fn number(&self) -> Option<Num>;
}

macro_rules! numeric {
    (int: $($t:ty),*) => {$(
        impl Numeric for $t {
            #[inline]
            fn number(&self) -> Option<Num> { Some(Num::Int(*self as i128)) }
        }
    )*};
    (float: $($t:ty),*) => {$(
        impl Numeric for $t {
            #[inline]
            fn number(&self) -> Option<Num> { Some(Num::Float(*self as f64)) }
        }
    )*};
}
numeric!(int: u8, u16, u32, u64, usize, i8, i16, i32, i64, i128, isize);
numeric!(float: f32, f64);
impl<T: Numeric> Numeric for Option<T> {
    fn number(&self) -> Option<Num> {
        self.as_ref().and_then(T::number)
    }
}
impl<T: Numeric + ?Sized> Numeric for Box<T> {
    fn number(&self) -> Option<Num> {
        (**self).number()
    }
}

/// A type `pattern` and `format` apply to.
#[diagnostic::on_unimplemented(
    message = "`pattern` and `format` apply to strings, not to `{Self}`",
    label = "this field's type is not a string"
)]
pub trait StrLike {
    /// The text, or `None` when there is none (`Option::None`).
    fn str_value(&self) -> Option<&str>;
}
impl StrLike for String {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}
impl StrLike for str {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}
impl StrLike for Cow<'_, str> {
    fn str_value(&self) -> Option<&str> {
        Some(self)
    }
}
impl<T: StrLike> StrLike for Option<T> {
    fn str_value(&self) -> Option<&str> {
        self.as_ref().and_then(T::str_value)
    }
}
impl<T: StrLike + ?Sized> StrLike for Box<T> {
    fn str_value(&self) -> Option<&str> {
        (**self).str_value()
    }
}

/// A sequence `unique` applies to.
#[diagnostic::on_unimplemented(
    message = "`unique` applies to sequences of comparable items, not to `{Self}`",
    label = "this field's type is not a sequence with `PartialEq` items"
)]
pub trait Items {
    /// The index of the first item that repeats an earlier one, and that earlier index.
    fn first_repeat(&self) -> Option<(usize, usize)>;
}

fn first_repeat_of<T: PartialEq>(items: &[T]) -> Option<(usize, usize)> {
    for (i, item) in items.iter().enumerate() {
        if let Some(j) = items[..i].iter().position(|x| x == item) {
            return Some((i, j));
        }
    }
    None
}

impl<T: PartialEq> Items for Vec<T> {
    fn first_repeat(&self) -> Option<(usize, usize)> {
        first_repeat_of(self)
    }
}
impl<T: PartialEq> Items for [T] {
    fn first_repeat(&self) -> Option<(usize, usize)> {
        first_repeat_of(self)
    }
}
impl<T: Items> Items for Option<T> {
    fn first_repeat(&self) -> Option<(usize, usize)> {
        self.as_ref().and_then(T::first_repeat)
    }
}
impl<T: Items + ?Sized> Items for Box<T> {
    fn first_repeat(&self) -> Option<(usize, usize)> {
        (**self).first_repeat()
    }
}

/// The bounds of one `range(...)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bounds {
    /// Inclusive lower bound.
    pub min: Option<Num>,
    /// Inclusive upper bound.
    pub max: Option<Num>,
    /// Exclusive lower bound.
    pub exclusive_min: Option<Num>,
    /// Exclusive upper bound.
    pub exclusive_max: Option<Num>,
}

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

fn object(schema: &mut Value) -> &mut Map<String, Value> {
    if !schema.is_object() {
        *schema = Value::Object(Map::new());
    }
    match schema {
        Value::Object(m) => m,
        _ => unreachable!("replaced by an object just above"),
    }
}

/// Adds `key: value` to a field's schema.
pub fn schema_set(schema: &mut Value, key: &str, value: Value) {
    object(schema).insert(key.to_string(), value);
}

/// Adds the keywords of `range(...)` to a field's schema.
pub fn schema_range(schema: &mut Value, b: &Bounds) {
    let m = object(schema);
    let pairs = [
        ("minimum", b.min),
        ("maximum", b.max),
        ("exclusiveMinimum", b.exclusive_min),
        ("exclusiveMaximum", b.exclusive_max),
    ];
    for (k, v) in pairs {
        if let Some(v) = v {
            m.insert(k.into(), v.to_json());
        }
    }
}

/// Finds what `length` counts for `T` without requiring `T: HasLength`, so a misplaced
/// `length` is reported once (by the validation code) rather than by every emitter.
/// Autoref specialisation: `(&LengthProbe::<T>::new()).kind()` picks [`ProbeLength`]
/// when `T: HasLength` and falls back to [`ProbeNone`] otherwise.
pub struct LengthProbe<T: ?Sized>(std::marker::PhantomData<T>);

impl<T: ?Sized> LengthProbe<T> {
    /// A probe for `T`.
    pub const fn new() -> Self {
        LengthProbe(std::marker::PhantomData)
    }
}

impl<T: ?Sized> Default for LengthProbe<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The probe's answer when `T: HasLength`.
pub trait ProbeLength {
    /// What the length counts.
    fn kind(&self) -> Option<LenKind>;
}

impl<T: HasLength + ?Sized> ProbeLength for LengthProbe<T> {
    fn kind(&self) -> Option<LenKind> {
        Some(T::KIND)
    }
}

/// The probe's answer otherwise.
pub trait ProbeNone {
    /// Nothing: the type has no length.
    fn kind(&self) -> Option<LenKind>;
}

impl<T: ?Sized> ProbeNone for &LengthProbe<T> {
    fn kind(&self) -> Option<LenKind> {
        None
    }
}

/// Adds the keywords of `length(...)` or `non_empty` to a field's schema.
pub fn schema_length(
    schema: &mut Value,
    kind: Option<LenKind>,
    min: Option<usize>,
    max: Option<usize>,
) {
    let (kmin, kmax) = match kind {
        Some(LenKind::Chars) => ("minLength", "maxLength"),
        Some(LenKind::Items) => ("minItems", "maxItems"),
        Some(LenKind::Properties) => ("minProperties", "maxProperties"),
        None => return,
    };
    let m = object(schema);
    if let Some(n) = min {
        m.insert(kmin.into(), n.into());
    }
    if let Some(n) = max {
        m.insert(kmax.into(), n.into());
    }
}

/// Adds `pattern` to a field's schema.
pub fn schema_pattern(schema: &mut Value, source: &str) {
    object(schema).insert("pattern".into(), source.into());
}

/// Adds `format` to a field's schema.
pub fn schema_format(schema: &mut Value, f: Format) {
    object(schema).insert("format".into(), f.name().into());
}

/// Adds `uniqueItems` to a field's schema.
pub fn schema_unique(schema: &mut Value) {
    object(schema).insert("uniqueItems".into(), true.into());
}

/// Appends `name` to the list under `key` (`x-rules`, `x-custom`).
pub fn schema_push(schema: &mut Value, key: &str, name: &str) {
    let m = object(schema);
    let list = m
        .entry(key.to_string())
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(a) = list {
        a.push(name.into());
    }
}
