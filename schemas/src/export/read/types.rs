//! Reading the schema of a field or an alias into a [`Type`]: references, nullable
//! forms, unions, literals and the validation keywords.

use serde_json::{Map, Number, Value};

use super::{flag, int_of, join, strings, Reader, Result};
use crate::export::model::{Alternative, Kind, Rules, Type};
use crate::export::IntKind;

/// Keywords a field's schema may use.
const TYPE_KEYWORDS: &str = "\
    type $ref anyOf oneOf allOf const \
    enum items additionalProperties properties required minimum \
    maximum exclusiveMinimum exclusiveMaximum minLength maxLength pattern \
    format minItems maxItems uniqueItems minProperties maxProperties \
";

impl Reader<'_> {
    /// Reads a field's (or an alias's) schema.
    pub fn ty(&self, schema: &Value, p: &str) -> Result<Type> {
        let m = match schema {
            Value::Bool(true) => return Ok(Type::plain(Kind::Any)),
            Value::Object(m) => m,
            _ => return Err(self.unsupported(p, "a schema that is not an object or `true`")),
        };
        self.known(m, p, TYPE_KEYWORDS)?;
        let rules = self.rules(m, p)?;
        if let Some(r) = m.get("$ref") {
            let target = r.as_str().and_then(|r| r.strip_prefix("#/$defs/"));
            let name = target
                .map(|t| t.replace("~1", "/").replace("~0", "~"))
                .filter(|t| self.defs.contains_key(t))
                .ok_or_else(|| self.unsupported(&join(p, "$ref"), format!("the reference {r}")))?;
            return Ok(Type {
                kind: Kind::Named(name),
                rules,
            });
        }
        if let Some(Value::Array(all)) = m.get("allOf") {
            if let [only] = all.as_slice() {
                let mut inner = self.ty(only, &join(&join(p, "allOf"), "0"))?;
                merge(&mut inner.rules, rules);
                return Ok(inner);
            }
            return Err(self.unsupported(&join(p, "allOf"), "`allOf` of several schemas"));
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(Value::Array(alts)) = m.get(key) {
                let is_null = |a: &Value| a.get("type").and_then(Value::as_str) == Some("null");
                if let (2, Some(i)) = (alts.len(), alts.iter().position(is_null)) {
                    let other = 1 - i;
                    let op = join(&join(p, key), &other.to_string());
                    let mut inner = self.ty(&alts[other], &op)?;
                    merge(&mut inner.rules, rules);
                    return Ok(Type::plain(Kind::Nullable(Box::new(inner))));
                }
            }
        }
        match m.get("type") {
            Some(Value::Array(types)) => {
                let others: Vec<&Value> = types.iter().filter(|t| *t != "null").collect();
                match (others.as_slice(), others.len() < types.len()) {
                    ([one], true) => {
                        let mut inner = m.clone();
                        inner.insert("type".into(), (*one).clone());
                        let inner = self.ty(&Value::Object(inner), p)?;
                        Ok(Type::plain(Kind::Nullable(Box::new(inner))))
                    }
                    _ => Err(self.unsupported(&join(p, "type"), "a `type` of several types")),
                }
            }
            Some(Value::String(t)) => self.typed(t, m, rules, p),
            Some(_) => Err(self.unsupported(&join(p, "type"), "a `type` that is not a string")),
            None => {
                if let Some(values) = self.literals(m) {
                    return Ok(Type {
                        kind: Kind::Literal(values),
                        rules,
                    });
                }
                for key in ["oneOf", "anyOf"] {
                    if let Some(Value::Array(alts)) = m.get(key) {
                        let kp = join(p, key);
                        let types = alts
                            .iter()
                            .enumerate()
                            .map(|(i, a)| self.ty(a, &join(&kp, &i.to_string())))
                            .collect::<Result<Vec<_>>>()?;
                        return Ok(Type {
                            kind: Kind::Union(types),
                            rules,
                        });
                    }
                }
                Ok(Type {
                    kind: Kind::Any,
                    rules,
                })
            }
        }
    }

    /// The constants of `const`, `enum`, or a `oneOf`/`anyOf` made only of `const`s.
    fn literals(&self, m: &Map<String, Value>) -> Option<Vec<Value>> {
        if let Some(c) = m.get("const") {
            return Some(vec![c.clone()]);
        }
        if let Some(Value::Array(values)) = m.get("enum") {
            return Some(values.clone());
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(alts)) = m.get(key) {
                let consts: Option<Vec<Value>> = alts
                    .iter()
                    .filter(|a| a.get("x-alias-of").is_none())
                    .map(|a| a.get("const").cloned())
                    .collect();
                if consts.as_ref().is_some_and(|c| !c.is_empty()) {
                    return consts;
                }
            }
        }
        None
    }

    fn typed(&self, t: &str, m: &Map<String, Value>, mut rules: Rules, p: &str) -> Result<Type> {
        let literal = self.literals(m);
        let kind = match t {
            "integer" | "number" | "string" | "boolean" if literal.is_some() => {
                Kind::Literal(literal.unwrap_or_default())
            }
            "integer" => {
                let kind = IntKind::from_bounds(
                    rules.minimum.as_ref().and_then(int_of),
                    rules.maximum.as_ref().and_then(int_of),
                );
                if rules.minimum.as_ref().and_then(int_of) == Some(kind.min_value()) {
                    rules.minimum = None;
                }
                if rules.maximum.as_ref().and_then(int_of) == Some(kind.max_value()) {
                    rules.maximum = None;
                }
                Kind::Int(kind)
            }
            "number" => Kind::Number,
            "boolean" => Kind::Bool,
            "string" => {
                rules.one_of = self.alternatives(m, p)?;
                Kind::String
            }
            "array" => {
                let items = match m.get("items") {
                    Some(items) => self.ty(items, &join(p, "items"))?,
                    None => Type::plain(Kind::Any),
                };
                Kind::Array(Box::new(items))
            }
            "object" => {
                if m.contains_key("properties") {
                    return Err(self.unsupported(
                        p,
                        "an object with properties written in place (only named structs are exported)",
                    ));
                }
                let values = match m.get("additionalProperties") {
                    None | Some(Value::Bool(true)) => Type::plain(Kind::Any),
                    Some(Value::Bool(false)) => {
                        return Err(self.unsupported(p, "an object that takes no keys at all"))
                    }
                    Some(s) => self.ty(s, &join(p, "additionalProperties"))?,
                };
                Kind::Map(Box::new(values))
            }
            other => return Err(self.unsupported(&join(p, "type"), format!("the type `{other}`"))),
        };
        if !matches!(kind, Kind::String | Kind::Literal(_)) {
            for key in ["anyOf", "oneOf"] {
                if m.contains_key(key) {
                    return Err(self.unsupported(&join(p, key), format!("`{key}` on a {t}")));
                }
            }
        }
        Ok(Type { kind, rules })
    }

    /// The alternatives of a string's `anyOf`/`oneOf` (constants, formats, patterns).
    fn alternatives(&self, m: &Map<String, Value>, p: &str) -> Result<Vec<Alternative>> {
        let mut out = Vec::new();
        for key in ["anyOf", "oneOf"] {
            let Some(Value::Array(alts)) = m.get(key) else {
                continue;
            };
            for (i, alt) in alts.iter().enumerate() {
                let ap = join(&join(p, key), &i.to_string());
                let am = self.object(alt, &ap)?;
                self.known(am, &ap, "type const format pattern")?;
                if let Some(c) = am.get("const") {
                    out.push(Alternative::Const(c.clone()));
                } else if let Some(f) = am.get("format").and_then(Value::as_str) {
                    out.push(Alternative::Format(f.to_string()));
                } else if let Some(r) = am.get("pattern").and_then(Value::as_str) {
                    out.push(Alternative::Pattern(r.to_string()));
                } else {
                    return Err(self.unsupported(&ap, "a string alternative"));
                }
            }
        }
        Ok(out)
    }

    /// The validation keywords of one schema object.
    fn rules(&self, m: &Map<String, Value>, p: &str) -> Result<Rules> {
        let num = |k: &str| -> Result<Option<Number>> {
            match m.get(k) {
                None => Ok(None),
                Some(Value::Number(n)) => Ok(Some(n.clone())),
                Some(_) => Err(self.unsupported(&join(p, k), format!("`{k}` not a number"))),
            }
        };
        let count = |k: &str| -> Result<Option<u64>> {
            match m.get(k) {
                None => Ok(None),
                Some(v) => v
                    .as_u64()
                    .map(Some)
                    .ok_or_else(|| self.unsupported(&join(p, k), format!("`{k}` not a count"))),
            }
        };
        let string = |k: &str| -> Result<Option<String>> {
            match m.get(k) {
                None => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(self.unsupported(&join(p, k), format!("`{k}` not a string"))),
            }
        };
        Ok(Rules {
            minimum: num("minimum")?,
            maximum: num("maximum")?,
            exclusive_minimum: num("exclusiveMinimum")?,
            exclusive_maximum: num("exclusiveMaximum")?,
            min_length: count("minLength")?,
            max_length: count("maxLength")?,
            pattern: string("pattern")?,
            format: string("format")?,
            one_of: Vec::new(),
            min_items: count("minItems")?,
            max_items: count("maxItems")?,
            unique_items: flag(m, "uniqueItems"),
            min_properties: count("minProperties")?,
            max_properties: count("maxProperties")?,
            custom: strings(m.get("x-custom")),
        })
    }
}

/// Adds the keywords written next to a `$ref`/`anyOf` to the inner type's.
fn merge(into: &mut Rules, from: Rules) {
    macro_rules! take {
        ($($f:ident),*) => {$( if from.$f.is_some() { into.$f = from.$f; } )*};
    }
    take!(
        minimum,
        maximum,
        exclusive_minimum,
        exclusive_maximum,
        min_length,
        max_length,
        pattern,
        format,
        min_items,
        max_items,
        min_properties,
        max_properties
    );
    into.unique_items |= from.unique_items;
    into.custom.extend(from.custom);
}
