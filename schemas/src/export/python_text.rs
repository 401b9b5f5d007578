//! The text of the Python output: literals, docstrings, black's line layout, and the
//! fixed parts of the module.

use serde_json::Value;

/// Names a field may not take: keywords, `BaseModel` attributes and the names the
/// annotations of the module use.
const RESERVED: &str = "\
    False None True and as assert async await break class \
    continue def del elif else except finally for from global \
    if import in is lambda nonlocal not or pass raise \
    return try while with yield construct copy dict from_orm json \
    parse_file parse_obj parse_raw schema schema_json update_forward_refs validate int str float \
    bool list Any Annotated Literal Field BaseModel ConfigDict Enum IntEnum \
    AliasChoices GetCoreSchemaHandler core_schema annotations Int8 Int16 Int32 Int64 Uint8 Uint16 \
    Uint32 Uint64 \
";

/// Whether a field may not be called `name`.
pub fn is_reserved(name: &str) -> bool {
    RESERVED.split_whitespace().any(|r| r == name)
}

/// The base of the generated enums: accepts the members and exactly their wire values.
pub fn enum_base(name: &str, bases: &str, py: &str, what: &str) -> String {
    format!(
        r#"

class {name}({bases}):
    """Accepts exactly the {what} values of the enum (not other JSON types)."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def from_wire(value: Any) -> Any:
            if isinstance(value, cls):
                return value
            if type(value) is {py}:
                return cls(value)
            raise ValueError(f"expected one of the {what} values of {{cls.__name__}}")

        return core_schema.no_info_before_validator_function(from_wire, handler(source))
"#
    )
}

/// A Python string literal.
pub fn py_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A regular expression as a raw string when it can be one.
pub fn py_regex(s: &str) -> String {
    let trailing = s.chars().rev().take_while(|c| *c == '\\').count();
    if s.contains(['"', '\n', '\r']) || trailing % 2 == 1 {
        py_str(s)
    } else {
        format!("r\"{s}\"")
    }
}

/// A JSON value as a Python literal.
pub fn py_literal(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => py_str(s),
        Value::Array(a) => format!(
            "[{}]",
            a.iter().map(py_literal).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", py_str(k), py_literal(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A docstring at `indent`.
pub fn docstring(indent: &str, lines: &[String]) -> String {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\""))
        .collect();
    match lines.as_slice() {
        [] => String::new(),
        [one] if !one.ends_with('"') => format!("{indent}\"\"\"{one}\"\"\"\n"),
        many => {
            let mut out = format!("{indent}\"\"\"{}\n", many[0]);
            for l in &many[1..] {
                if l.is_empty() {
                    out.push('\n');
                } else {
                    out.push_str(&format!("{indent}{l}\n"));
                }
            }
            out.push_str(&format!("{indent}\"\"\"\n"));
            out
        }
    }
}

/// `head(args)` as black writes it: on one line when it fits in 88 columns, else the
/// arguments on one indented line when they fit, else one argument a line.
pub fn call(head: &str, args: &[String]) -> String {
    let one = format!("{head}({})", args.join(", "));
    if one.chars().count() <= 88 {
        return one + "\n";
    }
    let indent: String = head.chars().take_while(|c| *c == ' ').collect();
    let inner = format!("{indent}    {}", args.join(", "));
    if inner.chars().count() <= 88 {
        return format!("{head}(\n{inner}\n{indent})\n");
    }
    let mut out = format!("{head}(\n");
    for a in args {
        out.push_str(&format!("{indent}    {a},\n"));
    }
    out.push_str(&format!("{indent})\n"));
    out
}

/// Splits `text` at spaces into lines of at most `width` characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
