//! Reading one `$defs` entry into the [`model`](super::model): the only place that
//! looks at JSON Schema keywords.

use serde_json::{Map, Number, Value};

use super::model::{Def, DefKind};
use super::ExportError;

mod defs;
mod types;

/// Keywords that only document (they never change what is accepted).
const ANNOTATIONS: &str = "\
    title description examples default deprecated writeOnly \
    readOnly $comment \
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
