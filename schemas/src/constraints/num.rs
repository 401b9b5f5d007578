//! The numbers of `range(...)`: a bound or a value, exact for integers, and the bounds
//! of one `range`.

use std::fmt;

use serde_json::Value;

/// A bound of `range`, exact for integers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// An integer bound or value.
    Int(i128),
    /// A floating point bound or value.
    Float(f64),
}

impl Num {
    pub(super) fn partial_cmp(self, other: Num) -> Option<std::cmp::Ordering> {
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
