//! Validation results: [`Violation`] (one broken constraint) and [`Report`] (all of them).

use std::borrow::Cow;
use std::fmt;

/// One constraint a value breaks.
///
/// A violation names *where* (a JSON Pointer in wire names, RFC 6901), *what* (a stable,
/// machine-readable code such as `range`, `format.cidr` or `rule.quorum`) and says it in
/// words. Messages never contain the value of a field marked `secret`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Violation {
    pointer: String,
    code: Cow<'static, str>,
    message: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    secret: bool,
    #[serde(skip)]
    rule: bool,
}

impl Violation {
    /// A violation at `pointer` (a JSON Pointer such as `/containers/0/flist`).
    pub fn new(
        pointer: impl Into<String>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Violation {
            pointer: pointer.into(),
            code: code.into(),
            message: message.into(),
            secret: false,
            rule: false,
        }
    }

    /// Marks the violation as concerning a secret value: tools must not show the
    /// offending text (for example an excerpt of the input line) next to it.
    pub fn with_secret(mut self, secret: bool) -> Self {
        self.secret = secret;
        self
    }

    /// The JSON Pointer of the offending value, in wire names (`""` is the whole document).
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The stable code of the broken constraint (`range`, `length`, `format.cidr`, ...).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// A human readable explanation, without the value of secret fields.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Marks the violation as found by a `rule` or `custom` function (which JSON Schema
    /// cannot express) rather than by a field constraint or serde's types.
    pub fn with_rule(mut self, rule: bool) -> Self {
        self.rule = rule;
        self
    }

    /// Whether a `rule` or `custom` function found this violation.
    pub fn is_rule(&self) -> bool {
        self.rule
    }

    /// Whether the offending value is a secret (never to be shown).
    pub fn is_secret(&self) -> bool {
        self.secret
    }

    /// Puts `prefix` (a JSON Pointer) in front of this violation's pointer.
    pub fn prefixed(mut self, prefix: &str) -> Self {
        self.pointer.insert_str(0, prefix);
        self
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "(root)"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {} [{}]", self.message, self.code)
    }
}

/// Every violation found in one value, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Report {
    violations: Vec<Violation>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Report::default()
    }

    /// Adds a violation.
    pub fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// Whether no violation was recorded.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// How many violations were recorded.
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// The violations, in order.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Iterates over the violations.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// `Ok(())` when empty, the report itself otherwise.
    pub fn into_result(self) -> Result<(), Report> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    pub(crate) fn mark_secret_since(&mut self, since: usize) {
        for v in self.violations.iter_mut().skip(since) {
            v.secret = true;
        }
    }

    /// Moves every violation of `other` into this report.
    pub fn extend(&mut self, other: Report) {
        self.violations.extend(other.violations);
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl IntoIterator for Report {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl FromIterator<Violation> for Report {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        Report {
            violations: iter.into_iter().collect(),
        }
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901).
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}
