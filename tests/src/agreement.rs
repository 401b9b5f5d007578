//! The agreement property: for any document, "serde decodes it and `validate()` finds no
//! violation" equals "the `jsonschema` crate accepts it against our emitted schema".
//!
//! Two things are outside the property, and the test knows them:
//! - cross-field `rule`s and `custom` checks, which the schema lists (`x-rules`,
//!   `x-custom`) but cannot express: their violations ([`schemas::Violation::is_rule`])
//!   are not counted on our side;
//! - [`KnownGap::IntegralFloat`].

use std::cell::Cell;

use proptest::test_runner::{Config, TestCaseError, TestRunner};
use schemas::{JsonSchema, Options, Validate};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::docgen::{has_integral_float, DocGen, Rng};

/// A disagreement between serde and JSON Schema that no schema keyword can close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownGap {
    /// `1.0` or `1e3` where an integer is expected: JSON Schema (2020-12) calls any
    /// number with a zero fractional part an integer; serde_json reads it as a float
    /// and refuses it for integer types.
    IntegralFloat,
}

/// The known gap that explains a disagreement on `doc` (where serde + `validate()` said
/// `ours` and JSON Schema the opposite), if one does: writing every integral float as an
/// integer must give serde the verdict JSON Schema gave.
pub fn known_gap<T: DeserializeOwned + Validate>(
    doc: &Value,
    ours_verdict: bool,
) -> Option<KnownGap> {
    if !has_integral_float(doc) {
        return None;
    }
    let normalized = integral_floats_as_integers(doc);
    (self::ours::<T>(&normalized) != ours_verdict).then_some(KnownGap::IntegralFloat)
}

/// `doc` with every float that has no fractional part written as an integer.
pub fn integral_floats_as_integers(doc: &Value) -> Value {
    match doc {
        Value::Number(n) if n.is_f64() => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f >= i64::MIN as f64 && f < i64::MAX as f64 => {
                Value::from(f as i64)
            }
            Some(f) if f.fract() == 0.0 && f >= 0.0 && f < u64::MAX as f64 => Value::from(f as u64),
            _ => doc.clone(),
        },
        Value::Array(a) => Value::Array(a.iter().map(integral_floats_as_integers).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.clone(), integral_floats_as_integers(v)))
                .collect(),
        ),
        _ => doc.clone(),
    }
}

/// Our verdict: serde decodes `doc` as `T` and `validate()` reports nothing but rules.
pub fn ours<T: DeserializeOwned + Validate>(doc: &Value) -> bool {
    match schemas::strict::from_value::<T>(doc) {
        Err(_) => false,
        Ok(t) => match t.validate_with(&Options::default()) {
            Ok(()) => true,
            Err(report) => report.iter().all(|v| v.is_rule()),
        },
    }
}

/// What one run saw.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Documents checked.
    pub cases: u32,
    /// Documents both sides accepted.
    pub accepted: u32,
    /// Documents both sides rejected.
    pub rejected: u32,
    /// Disagreements explained by a [`KnownGap`].
    pub known_gaps: u32,
}

/// Runs the property over `cases` generated documents of `T` (seeded by proptest);
/// `Err` names the first disagreeing document.
pub fn run<T: DeserializeOwned + Validate + JsonSchema>(cases: u32) -> Result<Tally, String> {
    let schema = T::json_schema();
    let validator = crate::jsonschema_validator(&schema);
    let generator = DocGen::new(&schema);
    let (accepted, rejected, gaps) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 0,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&proptest::num::u64::ANY, |seed| {
        let mut rng = Rng::new(seed);
        let mut doc = generator.generate(&mut rng, &schema, 0);
        if rng.chance(50) {
            for _ in 0..=rng.below(3) {
                generator.mutate(&mut rng, &mut doc);
            }
        }
        let a = ours::<T>(&doc);
        let b = validator.is_valid(&doc);
        if a == b {
            let c = if a { &accepted } else { &rejected };
            c.set(c.get() + 1);
            return Ok(());
        }
        if known_gap::<T>(&doc, a).is_some() {
            gaps.set(gaps.get() + 1);
            return Ok(());
        }
        let why = match schemas::strict::from_value::<T>(&doc) {
            Err(e) => format!("serde: {e}"),
            Ok(t) => match t.validate() {
                Ok(()) => "validate(): ok".to_string(),
                Err(r) => format!("validate():\n{r}"),
            },
        };
        let theirs: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        Err(TestCaseError::fail(format!(
            "disagreement (seed {seed}): ours = {a}, jsonschema = {b}\n{why}\njsonschema: {theirs:?}\ndocument: {doc:#}"
        )))
    });
    match result {
        Ok(()) => Ok(Tally {
            cases,
            accepted: accepted.get(),
            rejected: rejected.get(),
            known_gaps: gaps.get(),
        }),
        Err(e) => Err(e.to_string()),
    }
}
