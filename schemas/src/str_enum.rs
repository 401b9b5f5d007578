//! Name and integer mappings of unit enums ([`StrEnum`]) and their parse errors.

use std::fmt;

/// A unit enum with names and integer values, implemented by `#[derive(Schema)]`.
///
/// The derive also implements `FromStr` (names and aliases), `Display` (the name),
/// `TryFrom<i64>` (the integer value) and, with `#[schema(repr = ...)]`, serde.
pub trait StrEnum: Sized + 'static {
    /// Every variant, in declaration order.
    const VARIANTS: &'static [Self];
    /// The name of every variant, in declaration order.
    const NAMES: &'static [&'static str];

    /// The variant's name (its wire name when the wire form is a string).
    fn as_str(&self) -> &'static str;

    /// The variant's integer value (its discriminant).
    fn to_int(&self) -> i64;

    /// The variant whose name or alias is `name`.
    fn from_name(name: &str) -> Option<Self>;

    /// The variant whose integer value is `value`.
    fn from_int(value: i64) -> Option<Self>;
}

/// A name that is not one of an enum's variants (the error of the derived `FromStr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseEnumError {
    type_name: &'static str,
    input: String,
    expected: &'static [&'static str],
}

impl ParseEnumError {
    /// An error for `input`, which is none of `expected`.
    pub fn new(type_name: &'static str, input: &str, expected: &'static [&'static str]) -> Self {
        ParseEnumError {
            type_name,
            input: input.chars().take(64).collect(),
            expected,
        }
    }

    /// The names that would have been accepted.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for ParseEnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?}, expected one of: {}",
            self.type_name,
            self.input,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for ParseEnumError {}

/// An integer that is not the value of any of an enum's variants (the error of the
/// derived `TryFrom<i64>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidDiscriminant {
    type_name: &'static str,
    value: i64,
}

impl InvalidDiscriminant {
    /// An error for `value`.
    pub fn new(type_name: &'static str, value: i64) -> Self {
        InvalidDiscriminant { type_name, value }
    }
}

impl fmt::Display for InvalidDiscriminant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not a value of {}", self.value, self.type_name)
    }
}

impl std::error::Error for InvalidDiscriminant {}
