//! Reading the entries that are types of their own: a struct's fields, required keys
//! and serde aliases, and an enum's named constants.

use serde_json::{Map, Value};

use super::{flag, int_of, join, strings, text, Reader, Result};
use crate::export::model::{Enum, EnumRepr, Field, Struct, Variant};
use crate::export::IntKind;

/// Keywords of a struct's schema.
const STRUCT_KEYWORDS: &str = "\
    type properties required additionalProperties unevaluatedProperties allOf \
";

impl Reader<'_> {
    pub(super) fn strukt(&self, m: &Map<String, Value>, p: &str) -> Result<Struct> {
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
    pub(super) fn enumeration(&self, m: &Map<String, Value>, p: &str) -> Result<Option<Enum>> {
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
}
