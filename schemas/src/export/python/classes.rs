//! The classes of the module: a pydantic model per struct, with its fields, aliases
//! and docstrings, and an enum class per enum.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{unmirrored, unsupported, Renderer};
use crate::export::model::{Def, Enum, EnumRepr, Field, Kind, Struct};
use crate::export::names::{is_identifier, snake_case, upper_snake};
use crate::export::python_text::{call, docstring, is_reserved, py_literal, py_str, wrap};
use crate::export::{doc_lines, rule_sentence, ExportError};

impl Renderer<'_> {
    pub(super) fn strukt(
        &mut self,
        def: &Def,
        name: &str,
        mut doc: Vec<String>,
        s: &Struct,
        out: &mut String,
    ) -> Result<(), ExportError> {
        if doc.is_empty() {
            doc.push(format!("The `{}` object.", def.name));
        }
        if !s.rules.is_empty() {
            doc.push(String::new());
            doc.push(format!(
                "Rules checked by zos-schema: {}.",
                s.rules.join(", ")
            ));
        }
        out.push_str(&format!("class {name}(BaseModel):\n"));
        out.push_str(&docstring("    ", &doc));
        let mut fields = String::new();
        let mut taken: BTreeSet<String> = BTreeSet::new();
        let mut aliased = false;
        let mut forward = false;
        for f in &s.fields {
            let mut py = if is_identifier(&f.wire_name) {
                f.wire_name.clone()
            } else {
                snake_case(&f.wire_name)
            };
            while is_reserved(&py)
                || py.starts_with('_')
                || py.starts_with("model_")
                || self.classes.contains(&py)
                || py.is_empty()
            {
                py = if py.starts_with('_') || py.is_empty() {
                    format!("f{py}")
                } else {
                    format!("{py}_")
                };
            }
            if !taken.insert(py.clone()) {
                return Err(unsupported(def, &format!("two fields named `{py}`")));
            }
            let alias = (py != f.wire_name).then(|| f.wire_name.clone());
            aliased |= alias.is_some() || !f.aliases.is_empty();
            self.alias_choices |= !f.aliases.is_empty();
            let (ty, fwd) = self.annotation(&f.ty)?;
            forward |= fwd;
            match self.field_value(f, alias.as_deref()) {
                Value::Null => fields.push_str(&format!("    {py}: {ty}\n")),
                Value::String(v) => fields.push_str(&format!("    {py}: {ty} = {v}\n")),
                Value::Array(args) => {
                    let args: Vec<String> = args
                        .iter()
                        .map(|a| a.as_str().unwrap_or_default().to_string())
                        .collect();
                    fields.push_str(&call(&format!("    {py}: {ty} = Field"), &args));
                }
                _ => {}
            }
            fields.push_str(&docstring("    ", &field_doc(f)));
        }
        let extra = if s.deny_unknown { "forbid" } else { "ignore" };
        let mut config = vec![
            format!("extra=\"{extra}\""),
            "strict=True".to_string(),
            "use_attribute_docstrings=True".to_string(),
        ];
        if aliased {
            config.push("validate_by_name=True".into());
            config.push("serialize_by_alias=True".into());
        }
        out.push('\n');
        out.push_str(&call("    model_config = ConfigDict", &config));
        if !fields.is_empty() {
            out.push('\n');
            out.push_str(&fields);
        }
        if forward {
            self.rebuild.push(name.to_string());
        }
        Ok(())
    }

    pub(super) fn enumeration(
        &mut self,
        def: &Def,
        name: &str,
        mut doc: Vec<String>,
        e: &Enum,
        out: &mut String,
    ) -> Result<(), ExportError> {
        let base = match e.repr {
            EnumRepr::Int(_) => {
                self.enums.insert("IntEnum");
                "_IntEnum"
            }
            EnumRepr::Str => {
                self.enums.insert("Enum");
                "_StrEnum"
            }
        };
        self.typing.insert("Any");
        if doc.is_empty() {
            doc.push(format!("The values of `{}`.", def.name));
        }
        let names: Vec<String> = e.variants.iter().map(|v| v.name.clone()).collect();
        doc.push(String::new());
        doc.extend(wrap(&format!("Names: {}.", names.join(", ")), 84));
        out.push_str(&format!("class {name}({base}):\n"));
        out.push_str(&docstring("    ", &doc));
        out.push('\n');
        let mut members: Vec<String> = Vec::new();
        let mut aliases = Vec::new();
        for v in &e.variants {
            let member = upper_snake(&v.name);
            if member.is_empty() || members.contains(&member) || member.starts_with('_') {
                return Err(unsupported(
                    def,
                    &format!("the enum member name `{member}`"),
                ));
            }
            out.push_str(&format!("    {member} = {}\n", py_literal(&v.value)));
            if let Some(d) = &v.description {
                out.push_str(&docstring("    ", &doc_lines(d)));
            }
            for a in &v.aliases {
                aliases.push(format!("{}: cls.{member}", py_str(a)));
            }
            members.push(member);
        }
        if !aliases.is_empty() {
            out.push_str("\n    @classmethod\n    def _missing_(cls, value: Any) -> Any:\n");
            out.push_str(
                "        \"\"\"Maps the aliases accepted on input to their value.\"\"\"\n",
            );
            out.push_str(&format!(
                "        return {{{}}}.get(value)\n",
                aliases.join(", ")
            ));
        }
        Ok(())
    }

    /// The value after ` = ` for a field: nothing (`null`), a default (a string) or the
    /// arguments of a `Field(...)` call (an array of strings).
    fn field_value(&self, f: &Field, alias: Option<&str>) -> Value {
        let mut args = Vec::new();
        if !f.required {
            args.push(self.default(&f.ty));
        }
        if let Some(a) = alias {
            args.push(format!("alias={}", py_str(a)));
        }
        if !f.aliases.is_empty() {
            let names: Vec<String> = std::iter::once(&f.wire_name)
                .chain(&f.aliases)
                .map(|n| py_str(n))
                .collect();
            args.push(format!(
                "validation_alias=AliasChoices({})",
                names.join(", ")
            ));
        }
        if f.secret {
            args.push("repr=False".into());
        }
        if !f.examples.is_empty() {
            let ex: Vec<String> = f.examples.iter().map(py_literal).collect();
            args.push(format!("examples=[{}]", ex.join(", ")));
        }
        match args.as_slice() {
            [] => Value::Null,
            [only] if !f.required && !only.starts_with("default_factory") => {
                Value::String(only.clone())
            }
            _ => Value::Array(args.into_iter().map(Value::String).collect()),
        }
    }
}

/// The docstring of a field: its description and what zos-schema checks beyond it.
fn field_doc(f: &Field) -> Vec<String> {
    let mut lines = f.description.as_deref().map(doc_lines).unwrap_or_default();
    let mut rules = &f.ty;
    while let Kind::Nullable(inner) = &rules.kind {
        rules = inner;
    }
    if let Some(notes) = rule_sentence(&unmirrored(&rules.rules)) {
        lines.push(format!("Also checked by zos-schema: {notes}."));
    }
    if !f.aliases.is_empty() {
        lines.push(format!("Also read as: {}.", f.aliases.join(", ")));
    }
    if f.deprecated {
        lines.push("Deprecated.".into());
    }
    lines
}
