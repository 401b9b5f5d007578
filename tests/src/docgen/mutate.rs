//! The mutations that turn a generated document into a likely invalid one: wrong types,
//! numbers and strings out of range, keys and items added or removed.

use serde_json::{json, Number, Value};

use super::{int_value, DocGen, Rng};

impl DocGen<'_> {
    /// Applies one random mutation somewhere in `doc`.
    pub fn mutate(&self, rng: &mut Rng, doc: &mut Value) {
        let mut pointers = Vec::new();
        collect_pointers(doc, String::new(), &mut pointers);
        let target = rng.pick(&pointers).clone();
        let Some(node) = doc.pointer_mut(&target) else {
            return;
        };
        match rng.below(9) {
            0 => {
                *node = rng
                    .pick(&[
                        json!("x"),
                        json!(7),
                        json!(-1),
                        json!(1.5),
                        json!(true),
                        json!(null),
                        json!([]),
                        json!({}),
                    ])
                    .clone()
            }
            1 => {
                if let Value::Object(m) = node {
                    if !m.is_empty() {
                        let k = rng.below(m.len());
                        if let Some(key) = m.keys().nth(k).cloned() {
                            m.shift_remove(&key);
                        }
                    }
                }
            }
            2 => {
                if let Value::Object(m) = node {
                    m.insert("zz_unknown".into(), json!(1));
                }
            }
            3 => {
                if let Some(n) = node.as_i64() {
                    *node = rng
                        .pick(&[
                            int_value(n as i128 + 1),
                            int_value(n as i128 - 1),
                            int_value(n as i128 * 1000),
                            int_value(-(n as i128) - 1),
                            json!(18446744073709551615u64),
                        ])
                        .clone();
                } else if let Some(f) = node.as_f64() {
                    *node = Number::from_f64(-f - 0.5)
                        .map(Value::Number)
                        .unwrap_or(Value::Null);
                }
            }
            4 => {
                if node.is_string() {
                    *node = rng
                        .pick(&[
                            json!(""),
                            json!("x".repeat(70)),
                            json!("not a valid thing ::"),
                            json!("10.0.0.0/99"),
                        ])
                        .clone();
                }
            }
            5 => {
                if let Value::Array(a) = node {
                    if let Some(first) = a.first().cloned() {
                        a.push(first);
                    } else {
                        a.push(json!(1));
                    }
                }
            }
            6 => {
                if let Value::Array(a) = node {
                    a.clear();
                }
            }
            7 => {
                // An integer written as a float with no fraction (a known gap, see the README).
                if let Some(n) = node.as_i64() {
                    *node = Number::from_f64(n as f64)
                        .map(Value::Number)
                        .unwrap_or(Value::Null);
                }
            }
            _ => *node = Value::Null,
        }
    }
}

fn collect_pointers(v: &Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                let mut p = here.clone();
                schemas::push_token(&mut p, k);
                collect_pointers(v, p, out);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                collect_pointers(v, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
}
