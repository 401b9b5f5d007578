//! The Python types of the schema's types: annotations with their mirrored `Field`
//! constraints, and the zero value a missing field defaults to.

use super::{class_name, int_alias, Renderer};
use crate::export::model::{DefKind, Kind, Type};
use crate::export::names::upper_snake;
use crate::export::python_text::{py_literal, py_regex};
use crate::export::read::int_of;
use crate::export::ExportError;

impl Renderer<'_> {
    /// The annotation of a field, quoted when it names a class defined later (and then
    /// whether it did).
    pub(super) fn annotation(&mut self, t: &Type) -> Result<(String, bool), ExportError> {
        let ty = self.ty(t)?;
        let mut names = Vec::new();
        crate::export::model::names_in(t, &mut names);
        let forward = names.iter().any(|n| !self.defined.contains(n));
        Ok((ty, forward))
    }

    /// The Go zero value of `t`, as a default (`0`, `""`, `default_factory=list`, ...).
    pub(super) fn default(&self, t: &Type) -> String {
        match &t.kind {
            Kind::Nullable(_) | Kind::Any | Kind::Union(_) => "None".into(),
            Kind::Bool => "False".into(),
            Kind::Int(_) => "0".into(),
            Kind::Number => "0.0".into(),
            Kind::String => "\"\"".into(),
            Kind::Literal(values) => values.first().map(py_literal).unwrap_or("None".into()),
            Kind::Array(_) => "default_factory=list".into(),
            Kind::Map(_) => "default_factory=dict".into(),
            Kind::Named(n) => match self.model.def(n).map(|d| &d.kind) {
                Some(DefKind::Enum(e)) => {
                    let zero = e
                        .variants
                        .iter()
                        .find(|v| v.value == 0 || v.value == "")
                        .or(e.variants.first());
                    match zero {
                        Some(v) => format!("{}.{}", class_name(n), upper_snake(&v.name)),
                        None => "None".into(),
                    }
                }
                Some(DefKind::Struct(_)) if self.model.has_zero_value(n) => {
                    if self.defined.contains(n) {
                        format!("default_factory={}", class_name(n))
                    } else {
                        format!("default_factory=lambda: {}()", class_name(n))
                    }
                }
                Some(DefKind::Alias(target)) => self.default(target),
                _ => "None".into(),
            },
        }
    }

    /// The Python type of `t`, with its mirrored constraints.
    pub(super) fn ty(&mut self, t: &Type) -> Result<String, ExportError> {
        let r = &t.rules;
        let mut constraints = Vec::new();
        let base = match &t.kind {
            Kind::Any => {
                self.typing.insert("Any");
                "Any".to_string()
            }
            Kind::Bool => "bool".into(),
            Kind::Int(k) => {
                let lo = r.minimum.as_ref().and_then(int_of).unwrap_or(k.min_value());
                let hi = r.maximum.as_ref().and_then(int_of).unwrap_or(k.max_value());
                if r.minimum.is_some() || r.maximum.is_some() {
                    constraints.push(format!("ge={lo}"));
                    constraints.push(format!("le={hi}"));
                    "int".into()
                } else {
                    self.typing.insert("Annotated");
                    self.ints.insert(*k);
                    int_alias(*k)
                }
            }
            Kind::Number => {
                if let Some(v) = &r.minimum {
                    constraints.push(format!("ge={v}"));
                }
                if let Some(v) = &r.maximum {
                    constraints.push(format!("le={v}"));
                }
                "float".into()
            }
            Kind::String => {
                length(&mut constraints, r.min_length, r.max_length);
                if let Some(p) = &r.pattern {
                    constraints.push(format!("pattern={}", py_regex(p)));
                }
                "str".into()
            }
            Kind::Literal(values) => {
                self.typing.insert("Literal");
                let v: Vec<String> = values.iter().map(py_literal).collect();
                format!("Literal[{}]", v.join(", "))
            }
            Kind::Named(n) => class_name(n),
            Kind::Array(items) => {
                length(&mut constraints, r.min_items, r.max_items);
                format!("list[{}]", self.ty(items)?)
            }
            Kind::Map(values) => {
                length(&mut constraints, r.min_properties, r.max_properties);
                format!("dict[str, {}]", self.ty(values)?)
            }
            Kind::Nullable(inner) => format!("{} | None", self.ty(inner)?),
            Kind::Union(types) => {
                let parts = types
                    .iter()
                    .map(|t| self.ty(t))
                    .collect::<Result<Vec<_>, _>>()?;
                parts.join(" | ")
            }
        };
        if matches!(t.kind, Kind::Int(_) | Kind::Number) {
            if let Some(v) = &r.exclusive_minimum {
                constraints.push(format!("gt={v}"));
            }
            if let Some(v) = &r.exclusive_maximum {
                constraints.push(format!("lt={v}"));
            }
        }
        if constraints.is_empty() {
            return Ok(base);
        }
        self.typing.insert("Annotated");
        Ok(format!(
            "Annotated[{base}, Field({})]",
            constraints.join(", ")
        ))
    }
}

fn length(constraints: &mut Vec<String>, min: Option<u64>, max: Option<u64>) {
    if let Some(n) = min {
        constraints.push(format!("min_length={n}"));
    }
    if let Some(n) = max {
        constraints.push(format!("max_length={n}"));
    }
}
