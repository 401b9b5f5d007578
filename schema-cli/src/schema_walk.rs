//! Reading our own emitted JSON Schema along an instance: which values are secrets
//! (`writeOnly`), which names an enum's values have, which keys an object takes.

use std::collections::BTreeSet;

use serde_json::Value;

/// The schema of one type, to be walked along instance pointers.
#[derive(Clone, Copy)]
pub struct SchemaView<'s> {
    root: &'s Value,
}

/// How many subschemas one instance location may expand to (`$ref` chains, `anyOf`,
/// `oneOf`, `allOf`); a bound so a schema that refers to itself cannot loop.
const BUDGET: usize = 64;

impl<'s> SchemaView<'s> {
    /// A view of `root` (a complete schema document with `$defs`).
    pub fn new(root: &'s Value) -> Self {
        SchemaView { root }
    }

    fn expand(&self, schema: &'s Value, out: &mut Vec<&'s Value>) {
        let mut stack = vec![schema];
        while let Some(s) = stack.pop() {
            if out.len() >= BUDGET {
                return;
            }
            if out.iter().any(|o| std::ptr::eq(*o, s)) {
                continue;
            }
            out.push(s);
            let Value::Object(m) = s else { continue };
            if let Some(r) = m.get("$ref").and_then(Value::as_str) {
                if let Some(target) = r.strip_prefix('#').and_then(|p| self.root.pointer(p)) {
                    stack.push(target);
                }
            }
            for k in ["anyOf", "oneOf", "allOf"] {
                if let Some(Value::Array(branches)) = m.get(k) {
                    stack.extend(branches.iter().rev());
                }
            }
        }
    }

    fn candidates(&self, schemas: &[&'s Value]) -> Vec<&'s Value> {
        let mut out = Vec::new();
        for s in schemas {
            self.expand(s, &mut out);
        }
        out
    }

    fn member(&self, cands: &[&'s Value], key: &str) -> Vec<&'s Value> {
        let mut out = Vec::new();
        for c in cands {
            let Value::Object(m) = c else { continue };
            if let Some(p) = m.get("properties").and_then(|p| p.get(key)) {
                out.push(p);
            } else {
                for k in ["additionalProperties", "unevaluatedProperties"] {
                    if let Some(s @ Value::Object(_)) = m.get(k) {
                        out.push(s);
                    }
                }
            }
        }
        out
    }

    fn item(&self, cands: &[&'s Value], index: usize) -> Vec<&'s Value> {
        let mut out = Vec::new();
        for c in cands {
            let Value::Object(m) = c else { continue };
            if let Some(p) = m.get("prefixItems").and_then(|p| p.get(index)) {
                out.push(p);
            } else if let Some(s @ Value::Object(_)) = m.get("items") {
                out.push(s);
            }
        }
        out
    }

    fn is_secret(cands: &[&Value]) -> bool {
        cands
            .iter()
            .any(|c| c.get("writeOnly").and_then(Value::as_bool) == Some(true))
    }

    /// The subschemas (expanded) that apply at `pointer`, following the pointer through
    /// the schema alone.
    pub fn at(&self, pointer: &str) -> Vec<&'s Value> {
        let mut cands = self.candidates(&[self.root]);
        for token in crate::locate::tokens(pointer) {
            let mut next = self.member(&cands, &token);
            if let Ok(i) = token.parse::<usize>() {
                next.extend(self.item(&cands, i));
            }
            cands = self.candidates(&next);
            if cands.is_empty() {
                break;
            }
        }
        cands
    }

    /// Whether the value at `pointer`, or one of its ancestors, is `writeOnly`.
    pub fn is_secret_at(&self, pointer: &str) -> bool {
        let mut cands = self.candidates(&[self.root]);
        if Self::is_secret(&cands) {
            return true;
        }
        for token in crate::locate::tokens(pointer) {
            let mut next = self.member(&cands, &token);
            if let Ok(i) = token.parse::<usize>() {
                next.extend(self.item(&cands, i));
            }
            cands = self.candidates(&next);
            if Self::is_secret(&cands) {
                return true;
            }
            if cands.is_empty() {
                return false;
            }
        }
        false
    }

    /// The pointers of every value of `doc` that sits under a `writeOnly` schema.
    pub fn secret_pointers(&self, doc: &Value) -> Vec<String> {
        let mut out = Vec::new();
        let root = self.candidates(&[self.root]);
        // (value, candidates, pointer)
        let mut stack = vec![(doc, root, String::new())];
        while let Some((value, cands, pointer)) = stack.pop() {
            if cands.is_empty() {
                continue;
            }
            if Self::is_secret(&cands) {
                out.push(pointer);
                continue;
            }
            match value {
                Value::Object(m) => {
                    for (k, v) in m {
                        let next = self.candidates(&self.member(&cands, k));
                        let mut p = pointer.clone();
                        schemas::push_token(&mut p, k);
                        stack.push((v, next, p));
                    }
                }
                Value::Array(a) => {
                    for (i, v) in a.iter().enumerate() {
                        let next = self.candidates(&self.item(&cands, i));
                        stack.push((v, next, format!("{pointer}/{i}")));
                    }
                }
                _ => {}
            }
        }
        out.sort();
        out
    }

    /// The names of the properties of every `writeOnly` member in the schema (for
    /// documents that cannot be parsed, whose text is shown only when no such key is on
    /// the line).
    pub fn secret_keys(&self, out: &mut BTreeSet<String>) {
        let mut seen: Vec<&Value> = Vec::new();
        let mut stack = vec![self.root];
        while let Some(s) = stack.pop() {
            if seen.iter().any(|o| std::ptr::eq(*o, s)) || seen.len() > 100_000 {
                continue;
            }
            seen.push(s);
            match s {
                Value::Object(m) => {
                    if let Some(Value::Object(props)) = m.get("properties") {
                        for (k, p) in props {
                            let mut c = Vec::new();
                            self.expand(p, &mut c);
                            if Self::is_secret(&c) {
                                out.insert(k.clone());
                            }
                        }
                    }
                    stack.extend(m.values());
                }
                Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
    }

    /// The allowed values at `pointer` when the schema is an enum (`enum`, or `oneOf`
    /// of `const`s with titles): `"0 (hdd), 1 (ssd)"`.
    pub fn enum_values(&self, pointer: &str) -> Option<String> {
        for c in self.at(pointer) {
            if let Some(Value::Array(values)) = c.get("enum") {
                return Some(
                    values
                        .iter()
                        .map(Value::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            }
            if let Some(Value::Array(branches)) = c.get("oneOf").or_else(|| c.get("anyOf")) {
                let consts: Option<Vec<String>> = branches
                    .iter()
                    .map(|b| {
                        let v = b.get("const")?;
                        Some(match b.get("title").and_then(Value::as_str) {
                            Some(t) => format!("{v} ({t})"),
                            None => v.to_string(),
                        })
                    })
                    .collect();
                if let Some(consts) = consts.filter(|c| !c.is_empty()) {
                    return Some(consts.join(", "));
                }
            }
        }
        None
    }

    /// The keys an object at `pointer` takes, when the schema lists them.
    pub fn known_keys(&self, pointer: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for c in self.at(pointer) {
            if let Some(Value::Object(props)) = c.get("properties") {
                for k in props.keys() {
                    if !keys.contains(k) {
                        keys.push(k.clone());
                    }
                }
            }
        }
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "name": { "type": "string" },
                "password": { "type": "string", "writeOnly": true },
                "env": { "anyOf": [{ "$ref": "#/$defs/Secrets" }, { "type": "null" }] },
                "disks": { "type": "array", "items": { "$ref": "#/$defs/Disk" } },
                "me": { "$ref": "#" }
            },
            "$defs": {
                "Secrets": { "type": "object", "additionalProperties": { "type": "string" }, "writeOnly": true },
                "Disk": { "type": "object", "properties": {
                    "kind": { "oneOf": [{ "const": 0, "title": "hdd" }, { "const": 1, "title": "ssd" }] },
                    "key": { "type": "string", "writeOnly": true }
                } }
            }
        })
    }

    #[test]
    fn finds_secrets() {
        let s = schema();
        let v = SchemaView::new(&s);
        let doc = json!({ "name": "a", "password": "p", "env": { "A": "b" },
            "disks": [{ "kind": 0, "key": "k" }, { "kind": 1 }], "me": { "password": "q" } });
        assert_eq!(
            v.secret_pointers(&doc),
            ["/disks/0/key", "/env", "/me/password", "/password"]
        );
        assert!(v.is_secret_at("/env/A"));
        assert!(v.is_secret_at("/disks/3/key"));
        assert!(!v.is_secret_at("/disks/0/kind"));
        assert!(!v.is_secret_at("/nothing/here"));
        let mut keys = BTreeSet::new();
        v.secret_keys(&mut keys);
        assert_eq!(
            keys.into_iter().collect::<Vec<_>>(),
            ["env", "key", "password"]
        );
    }

    #[test]
    fn enum_names_and_keys() {
        let s = schema();
        let v = SchemaView::new(&s);
        assert_eq!(
            v.enum_values("/disks/0/kind").as_deref(),
            Some("0 (hdd), 1 (ssd)")
        );
        assert_eq!(v.enum_values("/name"), None);
        assert_eq!(v.known_keys("/disks/2"), ["kind", "key"]);
    }
}
