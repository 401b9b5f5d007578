//! The [`Validate`] trait, the [`Context`] it reports into, and its impls for std types.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Display;
use std::rc::Rc;
use std::sync::Arc;

use crate::report::{push_token, Report, Violation};

/// Settings of one validation run.
///
/// By default no rule depends on the clock, so the verdict on a value never changes by
/// itself; [`Options::at`] turns the clock-dependent rules on for a given instant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    now: Option<i64>,
}

impl Options {
    /// Default options: clock-dependent rules off.
    pub fn new() -> Self {
        Options::default()
    }

    /// Runs the clock-dependent rules as if the time were `unix_seconds`.
    pub fn at(mut self, unix_seconds: i64) -> Self {
        self.now = Some(unix_seconds);
        self
    }

    /// The instant clock-dependent rules use, if they are on.
    pub fn now(&self) -> Option<i64> {
        self.now
    }
}

/// One step of the path to the value being checked. The JSON Pointer is only written
/// out when a violation is recorded, so a valid value costs no string building.
#[derive(Debug)]
enum Segment {
    Static(&'static str),
    Owned(String),
    Index(usize),
}

/// Where a validation run stands: the path of the value being checked, the options, and
/// the violations found so far.
#[derive(Debug)]
pub struct Context<'o> {
    path: Vec<Segment>,
    options: &'o Options,
    report: Report,
    rule_depth: u32,
}

impl<'o> Context<'o> {
    /// A context at the root of a document.
    pub fn new(options: &'o Options) -> Self {
        Context {
            path: Vec::new(),
            options,
            report: Report::new(),
            rule_depth: 0,
        }
    }

    /// The options of this run.
    pub fn options(&self) -> &Options {
        self.options
    }

    /// The JSON Pointer of the value being checked.
    pub fn pointer(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Segment::Static(t) => push_token(&mut out, t),
                Segment::Owned(t) => push_token(&mut out, t),
                Segment::Index(i) => {
                    let _ = write!(out, "/{i}");
                }
            }
        }
        out
    }

    /// Descends into the member `token` (an object key in wire form).
    #[inline]
    pub fn push(&mut self, token: &str) {
        self.path.push(Segment::Owned(token.to_owned()));
    }

    /// Descends into the member `token`, a name known at compile time (no allocation).
    #[inline]
    pub fn push_static(&mut self, token: &'static str) {
        self.path.push(Segment::Static(token));
    }

    /// Descends into the array element `index`.
    #[inline]
    pub fn push_index(&mut self, index: usize) {
        self.path.push(Segment::Index(index));
    }

    /// Returns to the parent of the value last descended into.
    #[inline]
    pub fn pop(&mut self) {
        self.path.pop();
    }

    /// Runs `f` with the context descended into the member `token`.
    pub fn in_member<R>(&mut self, token: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        self.push(token);
        let r = f(self);
        self.pop();
        r
    }

    fn record(&mut self, v: Violation) {
        let v = v.with_rule(self.rule_depth > 0);
        self.report.push(v);
    }

    /// Records a violation of the value being checked.
    pub fn error(&mut self, code: impl Into<Cow<'static, str>>, message: impl Into<String>) {
        let v = Violation::new(self.pointer(), code, message);
        self.record(v);
    }

    /// Records a violation of a secret value (the message must not contain it).
    pub fn secret_error(&mut self, code: impl Into<Cow<'static, str>>, message: impl Into<String>) {
        let v = Violation::new(self.pointer(), code, message).with_secret(true);
        self.record(v);
    }

    /// Marks the start of a `rule` or `custom` function: what it records is flagged
    /// [`Violation::is_rule`] (called by derived code).
    pub fn enter_rule(&mut self) {
        self.rule_depth += 1;
    }

    /// Marks the end of a `rule` or `custom` function.
    pub fn leave_rule(&mut self) {
        self.rule_depth = self.rule_depth.saturating_sub(1);
    }

    /// Whether any violation other than those of `rule`/`custom` functions was found.
    pub fn has_constraint_errors(&self) -> bool {
        self.report.iter().any(|v| !v.is_rule())
    }

    /// Records a violation at `relative` (a JSON Pointer below the current value).
    pub fn error_at(
        &mut self,
        relative: &str,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) {
        let v = Violation::new(format!("{}{}", self.pointer(), relative), code, message);
        self.record(v);
    }

    /// Adds a violation found elsewhere, its pointer taken relative to the current value.
    pub fn merge(&mut self, report: Report) {
        let here = self.pointer();
        for v in report {
            let v = v.prefixed(&here);
            self.record(v);
        }
    }

    /// Marks every violation recorded since the count was `since` as concerning a
    /// secret (used for fields marked `secret`).
    pub fn mark_secret_since(&mut self, since: usize) {
        self.report.mark_secret_since(since);
    }

    /// How many violations were found so far.
    pub fn error_count(&self) -> usize {
        self.report.len()
    }

    /// Ends the run.
    pub fn finish(self) -> Result<(), Report> {
        self.report.into_result()
    }

    /// Ends the run and returns the report, empty or not.
    pub fn into_report(self) -> Report {
        self.report
    }
}

/// A value that can check itself against its constraints and rules.
///
/// `#[derive(Schema)]` implements it from the `#[schema(...)]` attributes; every
/// violation is collected, not just the first.
pub trait Validate {
    /// Checks the value; the error holds every violation.
    fn validate(&self) -> Result<(), Report> {
        self.validate_with(&Options::default())
    }

    /// Checks the value with explicit [`Options`] (for example the clock).
    fn validate_with(&self, options: &Options) -> Result<(), Report> {
        let mut cx = Context::new(options);
        self.validate_into(&mut cx);
        cx.finish()
    }

    /// Checks the value, reporting into `cx` at its current pointer.
    fn validate_into(&self, cx: &mut Context<'_>);

    /// True for types that never report anything (numbers, strings, ...), so
    /// containers of them are not walked at all.
    const LEAF: bool = false;
}

macro_rules! leaf {
    ($($t:ty),* $(,)?) => {$(
        impl Validate for $t {
            #[inline]
            fn validate_into(&self, _: &mut Context<'_>) {}
            const LEAF: bool = true;
        }
    )*};
}
leaf!(
    bool,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
    char,
    String,
    str,
    (),
    serde_json::Value,
    serde_json::Number
);

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_into(&self, cx: &mut Context<'_>) {
        (**self).validate_into(cx)
    }
    const LEAF: bool = T::LEAF;
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        (**self).validate_into(cx)
    }
    const LEAF: bool = T::LEAF;
}

impl<T: Validate + ?Sized> Validate for Rc<T> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        (**self).validate_into(cx)
    }
    const LEAF: bool = T::LEAF;
}

impl<T: Validate + ?Sized> Validate for Arc<T> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        (**self).validate_into(cx)
    }
    const LEAF: bool = T::LEAF;
}

impl<T: Validate + ToOwned + ?Sized> Validate for Cow<'_, T> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        self.as_ref().validate_into(cx)
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        if let Some(v) = self {
            v.validate_into(cx)
        }
    }
    const LEAF: bool = T::LEAF;
}

fn validate_seq<'a, T: Validate + 'a>(items: impl Iterator<Item = &'a T>, cx: &mut Context<'_>) {
    if T::LEAF {
        return;
    }
    for (i, item) in items.enumerate() {
        cx.push_index(i);
        item.validate_into(cx);
        cx.pop();
    }
}

impl<T: Validate> Validate for [T] {
    fn validate_into(&self, cx: &mut Context<'_>) {
        validate_seq(self.iter(), cx)
    }
    const LEAF: bool = T::LEAF;
}

impl<T: Validate, const N: usize> Validate for [T; N] {
    fn validate_into(&self, cx: &mut Context<'_>) {
        validate_seq(self.iter(), cx)
    }
    const LEAF: bool = T::LEAF;
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        validate_seq(self.iter(), cx)
    }
    const LEAF: bool = T::LEAF;
}

impl<T: Validate> Validate for VecDeque<T> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        validate_seq(self.iter(), cx)
    }
    const LEAF: bool = T::LEAF;
}

impl<T: Validate, S> Validate for HashSet<T, S> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        validate_seq(self.iter(), cx)
    }
    const LEAF: bool = T::LEAF;
}

impl<T: Validate> Validate for BTreeSet<T> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        validate_seq(self.iter(), cx)
    }
    const LEAF: bool = T::LEAF;
}

fn validate_map<'a, K: Display + 'a, V: Validate + 'a>(
    entries: impl Iterator<Item = (&'a K, &'a V)>,
    cx: &mut Context<'_>,
) {
    if V::LEAF {
        return;
    }
    for (k, v) in entries {
        cx.path.push(Segment::Owned(k.to_string()));
        v.validate_into(cx);
        cx.pop();
    }
}

impl<K: Display, V: Validate, S> Validate for HashMap<K, V, S> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        validate_map(self.iter(), cx)
    }
    const LEAF: bool = V::LEAF;
}

impl<K: Display, V: Validate> Validate for BTreeMap<K, V> {
    fn validate_into(&self, cx: &mut Context<'_>) {
        validate_map(self.iter(), cx)
    }
    const LEAF: bool = V::LEAF;
}
