//! Reading one `$defs` entry into the [`model`](super::model): the only place that
//! looks at JSON Schema keywords.

use serde_json::{Map, Number, Value};

use super::model::{Alternative, Def, DefKind, Enum, EnumRepr, Field, Kind, Rules, Struct};
use super::model::{Type, Variant};
use super::{ExportError, IntKind};

/// Keywords that only document (they never change what is accepted).
const ANNOTATIONS: &str = "\
    title description examples default deprecated writeOnly \
    readOnly $comment \
";

/// Keywords a field's schema may use.
const TYPE_KEYWORDS: &str = "\
    type $ref anyOf oneOf allOf const \
    enum items additionalProperties properties required minimum \
    maximum exclusiveMinimum exclusiveMaximum minLength maxLength pattern \
    format minItems maxItems uniqueItems minProperties maxProperties \
";

/// Keywords of a struct's schema.
const STRUCT_KEYWORDS: &str = "\
    type properties required additionalProperties unevaluatedProperties allOf \
";

/// Reads the schemas of one `$defs` entry.
pub struct Reader<'a> {
    defs: &'a Map<String, Value>,
    def: &'a str,
}

type Result<T> = std::result::Result<T, ExportError>;

/// Appends a JSON Pointer token (`~` and `/` escaped).
fn join(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", token.replace('~', "~0").replace('/', "~1"))
}

fn text(m: &Map<String, Value>, key: &str) -> Option<String> {
    m.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
}

fn flag(m: &Map<String, Value>, key: &str) -> bool {
    m.get(key) == Some(&Value::Bool(true))
}

/// The value of an integer JSON number, if it is one.
pub fn int_of(n: &Number) -> Option<i128> {
    n.as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
}

impl<'a> Reader<'a> {
    /// A reader for the entry `def` of `defs`.
    pub fn new(defs: &'a Map<String, Value>, def: &'a str) -> Self {
        Reader { defs, def }
    }

    fn root(&self) -> String {
        join("/$defs", self.def)
    }

    fn unsupported(&self, pointer: &str, construct: impl Into<String>) -> ExportError {
        ExportError::Unsupported {
            def: self.def.to_string(),
            pointer: pointer.to_string(),
            construct: construct.into(),
        }
    }

    fn object<'v>(&self, v: &'v Value, p: &str) -> Result<&'v Map<String, Value>> {
        v.as_object()
            .ok_or_else(|| self.unsupported(p, "a schema that is not a JSON object"))
    }

    /// Rejects keywords outside `allowed` (a space-separated list), the annotations and the `x-` extensions.
    fn known(&self, m: &Map<String, Value>, p: &str, allowed: &str) -> Result<()> {
        for key in m.keys() {
            let k = key.as_str();
            let listed = |list: &str| list.split_whitespace().any(|w| w == k);
            if !(listed(allowed) || listed(ANNOTATIONS) || k.starts_with("x-")) {
                return Err(self.unsupported(&join(p, k), format!("the keyword `{k}`")));
            }
        }
        Ok(())
    }

    /// Reads the whole entry.
    pub fn def(&self, schema: &Value) -> Result<Def> {
        let p = self.root();
        let m = self.object(schema, &p)?;
        let description = text(m, "description");
        let is_struct = m.get("type").and_then(Value::as_str) == Some("object")
            && (m.contains_key("properties")
                || m.get("additionalProperties") == Some(&Value::Bool(false)));
        let kind = if is_struct {
            DefKind::Struct(self.strukt(m, &p)?)
        } else if let Some(e) = self.enumeration(m, &p)? {
            DefKind::Enum(e)
        } else {
            DefKind::Alias(Box::new(self.ty(schema, &p)?))
        };
        Ok(Def {
            name: self.def.to_string(),
            description,
            kind,
        })
    }

    fn strukt(&self, m: &Map<String, Value>, p: &str) -> Result<Struct> {
        self.known(m, p, STRUCT_KEYWORDS)?;
        let mut required: Vec<String> = strings(m.get("required"));
        let mut rules: Vec<String> = strings(m.get("x-rules"));
        // Serde aliases: `{"not": {"required": [name, alias]}}` for every pair of names of
        // one field (the wire name first), `{"anyOf": [{"required": [name]}, ...]}` when
        // the field is required.
        let mut alias_of: Vec<(String, String)> = Vec::new();
        if let Some(all) = m.get("allOf") {
            let all = all
                .as_array()
                .ok_or_else(|| self.unsupported(&join(p, "allOf"), "`allOf` not an array"))?;
            for (i, entry) in all.iter().enumerate() {
                let ep = join(&join(p, "allOf"), &i.to_string());
                let e = self.object(entry, &ep)?;
                if let Some(pair) = e.get("not").and_then(|n| n.get("required")) {
                    let pair = strings(Some(pair));
                    if let [name, alias] = pair.as_slice() {
                        if !alias_of.iter().any(|(a, _)| a == name) {
                            alias_of.push((alias.clone(), name.clone()));
                        }
                        continue;
                    }
                } else if let Some(Value::Array(alts)) = e.get("anyOf") {
                    let first = alts.first().and_then(|a| a.get("required"));
                    if let Some(name) = strings(first).first() {
                        required.push(name.clone());
                        continue;
                    }
                } else if e.contains_key("x-rules") && e.len() == 1 {
                    rules.extend(strings(e.get("x-rules")));
                    continue;
                }
                return Err(self.unsupported(
                    &ep,
                    "an `allOf` entry (a flattened field that is not a struct or a map?)",
                ));
            }
        }
        let deny_unknown = match m.get("additionalProperties") {
            None | Some(Value::Bool(true)) => {
                m.get("unevaluatedProperties") == Some(&Value::Bool(false))
            }
            Some(Value::Bool(false)) => true,
            Some(_) => {
                return Err(self.unsupported(
                    &join(p, "additionalProperties"),
                    "a struct that also takes extra keys of a schema (a flattened map)",
                ));
            }
        };
        let mut fields: Vec<Field> = Vec::new();
        let props_p = join(p, "properties");
        let props = match m.get("properties") {
            Some(v) => self.object(v, &props_p)?.clone(),
            None => Map::new(),
        };
        for (name, schema) in &props {
            if alias_of.iter().any(|(a, _)| a == name) {
                continue;
            }
            let fp = join(&props_p, name);
            let fm = match schema {
                Value::Object(fm) => fm.clone(),
                _ => Map::new(),
            };
            fields.push(Field {
                wire_name: name.clone(),
                aliases: alias_of
                    .iter()
                    .filter(|(_, of)| of == name)
                    .map(|(a, _)| a.clone())
                    .collect(),
                description: text(&fm, "description"),
                ty: self.ty(schema, &fp)?,
                required: required.contains(name),
                deprecated: flag(&fm, "deprecated"),
                secret: flag(&fm, "writeOnly"),
                examples: match fm.get("examples") {
                    Some(Value::Array(e)) => e.clone(),
                    _ => Vec::new(),
                },
            });
        }
        Ok(Struct {
            fields,
            deny_unknown,
            rules,
        })
    }

    /// A `oneOf` of named constants (or an `enum` of strings); `None` for anything else.
    fn enumeration(&self, m: &Map<String, Value>, p: &str) -> Result<Option<Enum>> {
        if let Some(Value::Array(values)) = m.get("enum") {
            if m.get("type").and_then(Value::as_str) != Some("string")
                || !values.iter().all(Value::is_string)
            {
                return Ok(None);
            }
            self.known(m, p, "type enum")?;
            let variants = values
                .iter()
                .map(|v| Variant {
                    name: v.as_str().unwrap_or_default().to_string(),
                    value: v.clone(),
                    aliases: Vec::new(),
                    description: None,
                })
                .collect();
            return Ok(Some(Enum {
                repr: EnumRepr::Str,
                variants,
            }));
        }
        let Some(Value::Array(alts)) = m.get("oneOf") else {
            return Ok(None);
        };
        let named = |a: &Value| a.get("const").is_some() && a.get("title").is_some();
        if alts.is_empty() || !alts.iter().all(named) {
            return Ok(None);
        }
        self.known(m, p, "type oneOf")?;
        let mut variants: Vec<Variant> = Vec::new();
        for (i, alt) in alts.iter().enumerate() {
            let ap = join(&join(p, "oneOf"), &i.to_string());
            let am = self.object(alt, &ap)?;
            self.known(am, &ap, "const")?;
            let value = am.get("const").cloned().unwrap_or(Value::Null);
            if let Some(of) = am.get("x-alias-of").and_then(Value::as_str) {
                if let (Some(v), Some(alias)) =
                    (variants.iter_mut().find(|v| v.name == of), value.as_str())
                {
                    v.aliases.push(alias.to_string());
                    continue;
                }
            }
            variants.push(Variant {
                name: text(am, "title").unwrap_or_default(),
                value,
                aliases: Vec::new(),
                description: text(am, "description"),
            });
        }
        let ints: Option<Vec<i128>> = variants
            .iter()
            .map(|v| v.value.as_number().and_then(int_of))
            .collect();
        let repr = if let Some(ints) = ints {
            EnumRepr::Int(IntKind::for_values(&ints))
        } else if variants.iter().all(|v| v.value.is_string()) {
            EnumRepr::Str
        } else {
            return Err(self.unsupported(
                &join(p, "oneOf"),
                "an enum whose values are neither all integers nor all strings",
            ));
        };
        Ok(Some(Enum { repr, variants }))
    }

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

/// The strings of a JSON array.
fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
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
