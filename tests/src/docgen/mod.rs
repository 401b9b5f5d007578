//! A document generator driven by our emitted JSON Schema: it walks a schema and writes
//! a JSON document that is mostly valid, with values on and just past every bound, then
//! mutates it (wrong types, out of range, bad formats, missing and unknown keys).
//!
//! Seeded and deterministic, so a failing document can be reproduced from its seed.

mod formats;
mod mutate;

use serde_json::{json, Map, Number, Value};

use formats::format_pool;

/// The seeded PRNG of the 0-OS generator, with the draws this generator needs.
#[derive(Clone, Debug)]
pub struct Rng(schemas::zos::generator::Rng);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(schemas::zos::generator::Rng::new(seed))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` (`0` when `n` is `0`).
    pub fn below(&mut self, n: usize) -> usize {
        self.0.below(n as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.0.below(100) < percent
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        self.0.pick(items)
    }
}

/// A bound of a number, and whether it is exclusive.
type Bound = Option<(f64, bool)>;

/// Walks schemas of one root document (with `$defs`).
pub struct DocGen<'a> {
    root: &'a Value,
}

const MAX_DEPTH: usize = 8;

impl<'a> DocGen<'a> {
    /// A generator for documents of `root` (a complete schema document).
    pub fn new(root: &'a Value) -> Self {
        DocGen { root }
    }

    /// The schema `s` with its `$ref` resolved, the sibling keywords kept.
    fn resolve(&self, s: &Value) -> Value {
        let Some(r) = s.get("$ref").and_then(Value::as_str) else {
            return s.clone();
        };
        let name = r.trim_start_matches("#/$defs/");
        let target = if r == "#" {
            self.root.clone()
        } else {
            self.root["$defs"][name].clone()
        };
        let mut merged = self.resolve(&target);
        if let (Value::Object(m), Value::Object(sib)) = (&mut merged, s) {
            for (k, v) in sib {
                if k != "$ref" {
                    m.insert(k.clone(), v.clone());
                }
            }
        }
        merged
    }

    /// A mostly valid document for `schema`.
    pub fn generate(&self, rng: &mut Rng, schema: &Value, depth: usize) -> Value {
        let s = self.resolve(schema);
        if let Some(c) = s.get("const") {
            return c.clone();
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(alts)) = s.get(key) {
                if !alts.is_empty() {
                    let mut alt = self.resolve(rng.pick(alts));
                    if let (Value::Object(a), Value::Object(outer)) = (&mut alt, &s) {
                        for (k, v) in outer {
                            if k != key && !a.contains_key(k) {
                                a.insert(k.clone(), v.clone());
                            }
                        }
                    }
                    return self.generate(rng, &alt, depth + 1);
                }
            }
        }
        let ty = match s.get("type") {
            Some(Value::String(t)) => t.clone(),
            Some(Value::Array(ts)) => {
                let non_null: Vec<&Value> = ts.iter().filter(|t| *t != "null").collect();
                if non_null.is_empty() || rng.chance(15) || depth > MAX_DEPTH {
                    "null".to_string()
                } else {
                    rng.pick(&non_null).as_str().unwrap_or("null").to_string()
                }
            }
            _ if s.get("properties").is_some() => "object".into(),
            _ => return self.any_value(rng),
        };
        match ty.as_str() {
            "null" => Value::Null,
            "boolean" => Value::Bool(rng.chance(50)),
            "integer" => self.integer(rng, &s),
            "number" => self.number(rng, &s),
            "string" => self.string(rng, &s),
            "array" => self.array(rng, &s, depth),
            "object" => self.object(rng, &s, depth),
            _ => Value::Null,
        }
    }

    fn any_value(&self, rng: &mut Rng) -> Value {
        rng.pick(&[
            json!(null),
            json!(1),
            json!("x"),
            json!({"a": [1, 2]}),
            json!([true]),
        ])
        .clone()
    }

    /// The lower and upper bounds of a numeric schema, each with whether it is exclusive.
    fn bounds(s: &Value) -> (Bound, Bound) {
        let get = |k: &str| s.get(k).and_then(Value::as_f64);
        let lo = match (get("minimum"), get("exclusiveMinimum")) {
            (Some(a), Some(b)) if b >= a => Some((b, true)),
            (Some(a), _) => Some((a, false)),
            (None, Some(b)) => Some((b, true)),
            (None, None) => None,
        };
        let hi = match (get("maximum"), get("exclusiveMaximum")) {
            (Some(a), Some(b)) if b <= a => Some((b, true)),
            (Some(a), _) => Some((a, false)),
            (None, Some(b)) => Some((b, true)),
            (None, None) => None,
        };
        (lo, hi)
    }

    fn integer(&self, rng: &mut Rng, s: &Value) -> Value {
        let (lo, hi) = Self::bounds(s);
        let lo_i = lo
            .map(|(x, ex)| x.max(i64::MIN as f64) as i128 + i128::from(ex))
            .unwrap_or(-1000);
        let hi_i = hi
            .map(|(x, ex)| x.min(u64::MAX as f64) as i128 - i128::from(ex))
            .unwrap_or(1000);
        let span = (hi_i - lo_i).clamp(0, 1_000_000) as u64 + 1;
        let v: i128 = match rng.below(100) {
            0..=9 => lo_i,
            10..=19 => hi_i,
            20 => lo_i - 1,
            21 => hi_i + 1,
            _ => lo_i + (rng.next_u64() % span) as i128,
        };
        int_value(v)
    }

    fn number(&self, rng: &mut Rng, s: &Value) -> Value {
        let (lo, hi) = Self::bounds(s);
        let (lo, lo_ex) = lo.unwrap_or((-100.0, false));
        let (hi, hi_ex) = hi.unwrap_or((100.0, false));
        let v = match rng.below(100) {
            0..=9 => lo + if lo_ex { 0.125 } else { 0.0 },
            10..=19 => hi - if hi_ex { 0.125 } else { 0.0 },
            20 => lo - if lo_ex { 0.0 } else { 0.25 },
            21 => hi + if hi_ex { 0.0 } else { 0.25 },
            _ => lo + (hi - lo) * (rng.below(998) as f64 + 1.0) / 1000.0,
        };
        Number::from_f64(v)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }

    fn string(&self, rng: &mut Rng, s: &Value) -> Value {
        let min = s.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
        let max = s
            .get("maxLength")
            .and_then(Value::as_u64)
            .map(|m| m as usize);
        if let Some(f) = s.get("format").and_then(Value::as_str) {
            let (good, bad) = format_pool(f);
            if bad.is_empty() || rng.chance(97) {
                let fits: Vec<&str> = good
                    .iter()
                    .copied()
                    .filter(|g| {
                        g.chars().count() >= min && max.is_none_or(|m| g.chars().count() <= m)
                    })
                    .collect();
                if !fits.is_empty() {
                    return Value::from(*rng.pick(&fits));
                }
                if f == "hex" {
                    let len = min.max(2) / 2 * 2;
                    let hex: String = (0..len).map(|_| *rng.pick(&['0', '7', 'a', 'F'])).collect();
                    return Value::from(hex);
                }
                return Value::from(*rng.pick(good));
            }
            return Value::from(*rng.pick(bad));
        }
        if let Some(p) = s.get("pattern").and_then(Value::as_str) {
            if rng.chance(97) {
                if let Some(v) = regex_sample(p, rng.next_u64()) {
                    return Value::from(v);
                }
            }
        }
        let hi = max.unwrap_or(min + 12);
        let len = match rng.below(100) {
            0..=9 => min,
            10..=19 => hi,
            20 => min.saturating_sub(1),
            21 => hi + 1,
            _ => min + rng.below(hi.saturating_sub(min) + 1),
        };
        let alphabet: Vec<char> = "abcdefxyz0189-_ .ÄéZ".chars().collect();
        Value::from((0..len).map(|_| *rng.pick(&alphabet)).collect::<String>())
    }

    fn array(&self, rng: &mut Rng, s: &Value, depth: usize) -> Value {
        let min = s.get("minItems").and_then(Value::as_u64).unwrap_or(0) as usize;
        let max = s
            .get("maxItems")
            .and_then(Value::as_u64)
            .map(|m| m as usize);
        let hi = max.unwrap_or(min + 3).min(min + 5);
        let n = if depth > MAX_DEPTH {
            min
        } else {
            match rng.below(100) {
                0..=9 => min,
                10..=19 => hi,
                20 => hi + 1,
                _ => min + rng.below(hi.saturating_sub(min) + 1),
            }
        };
        let items = s.get("items").cloned().unwrap_or(json!({}));
        let mut out: Vec<Value> = (0..n)
            .map(|_| self.generate(rng, &items, depth + 1))
            .collect();
        if s.get("uniqueItems") == Some(&Value::Bool(true)) && !rng.chance(3) {
            let mut unique: Vec<Value> = Vec::new();
            for v in out {
                if !unique.contains(&v) {
                    unique.push(v);
                }
            }
            out = unique;
        }
        Value::Array(out)
    }

    fn object(&self, rng: &mut Rng, s: &Value, depth: usize) -> Value {
        let mut out = Map::new();
        let required: Vec<&str> = s
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        // Pairs of names that must not appear together (serde aliases).
        let mut exclusive: Vec<(String, String)> = Vec::new();
        for c in s
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(Value::Array(pair)) = c.pointer("/not/required") {
                if let [Value::String(a), Value::String(b)] = pair.as_slice() {
                    exclusive.push((a.clone(), b.clone()));
                }
            }
        }
        if let Some(Value::Object(props)) = s.get("properties") {
            for (k, v) in props {
                let blocked = exclusive.iter().any(|(a, b)| {
                    (a == k && out.contains_key(b)) || (b == k && out.contains_key(a))
                }) && !rng.chance(5);
                let want = if required.contains(&k.as_str()) {
                    99
                } else {
                    70
                };
                if !blocked
                    && rng.chance(want)
                    && (depth <= MAX_DEPTH || required.contains(&k.as_str()))
                {
                    out.insert(k.clone(), self.generate(rng, v, depth + 1));
                }
            }
        }
        if let Some(extra @ Value::Object(_)) = s.get("additionalProperties") {
            for i in 0..rng.below(3) {
                out.insert(format!("key{i}"), self.generate(rng, extra, depth + 1));
            }
        }
        Value::Object(out)
    }
}

fn int_value(v: i128) -> Value {
    if let Ok(i) = i64::try_from(v) {
        json!(i)
    } else if let Ok(u) = u64::try_from(v) {
        json!(u)
    } else {
        // Beyond 64 bits: written as a float with a fraction so it is not an integer
        // in either model.
        Number::from_f64(v as f64 + 0.5)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }
}

/// A string matching `pattern`, from proptest's regex strategy.
fn regex_sample(pattern: &str, seed: u64) -> Option<String> {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let strategy = proptest::string::string_regex(pattern).ok()?;
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    Some(strategy.new_tree(&mut runner).ok()?.current())
}

/// Whether `doc` holds a float with no fractional part (`1.0`, `1e3`): JSON Schema calls
/// it an integer, serde does not (a known gap).
pub fn has_integral_float(doc: &Value) -> bool {
    match doc {
        Value::Number(n) => n.is_f64() && n.as_f64().is_some_and(|f| f.fract() == 0.0),
        Value::Array(a) => a.iter().any(has_integral_float),
        Value::Object(m) => m.values().any(has_integral_float),
        _ => false,
    }
}
