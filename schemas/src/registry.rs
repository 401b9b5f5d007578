//! A list of types by name, each with its schema and its checks, so tools (the CLI, the
//! exporters) can walk them without knowing them at compile time.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::{JsonSchema, Options, Report, SchemaGenerator, Validate, Violation};

/// The top level of a document as its decoder saw it (see
/// [`crate::strict::from_slice_with_top`]).
pub type TopLevel = Map<String, Value>;

/// One registered type.
#[derive(Clone, Copy)]
pub struct TypeInfo {
    name: &'static str,
    description: &'static str,
    schema: fn() -> Value,
    add_to: fn(&mut SchemaGenerator),
    check: fn(&Value, &Options) -> Result<(), Report>,
    valid_bytes: fn(&[u8], &Options) -> bool,
    valid_bytes_top: fn(&[u8], &Options) -> Option<TopLevel>,
    round_trip: fn(&Value) -> Result<Value, String>,
}

impl std::fmt::Debug for TypeInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypeInfo")
            .field("name", &self.name)
            .finish()
    }
}

impl TypeInfo {
    /// The entry for `T`, registered as `name`.
    pub fn of<T>(name: &'static str, description: &'static str) -> Self
    where
        T: JsonSchema + Validate + Serialize + DeserializeOwned,
    {
        TypeInfo {
            name,
            description,
            schema: T::json_schema,
            add_to: |g| g.add::<T>(),
            check: check_value::<T>,
            valid_bytes: valid_bytes::<T>,
            valid_bytes_top: valid_bytes_top::<T>,
            round_trip: |v| {
                let t: T = crate::strict::from_value(v).map_err(|e| e.to_string())?;
                serde_json::to_value(&t).map_err(|e| e.to_string())
            },
        }
    }

    /// The name (as in `$defs` and on the command line).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// A one-line description.
    pub fn description(&self) -> &'static str {
        self.description
    }

    /// The complete JSON Schema document of the type.
    pub fn schema(&self) -> Value {
        (self.schema)()
    }

    /// Adds the type (and what it refers to) to a bundle.
    pub fn add_to(&self, generator: &mut SchemaGenerator) {
        (self.add_to)(generator)
    }

    /// Decodes `value` as this type and validates it.
    ///
    /// A value that does not decode gives one violation at the place serde stopped
    /// (code `type`, `unknown_field`, `missing_field`, ...); one that decodes gives
    /// every violation of [`Validate`].
    pub fn check(&self, value: &Value, options: &Options) -> Result<(), Report> {
        (self.check)(value, options)
    }

    /// Whether `bytes` are one JSON document of this type that decodes (strictly, a
    /// repeated key refused) and validates: a fast yes/no, with no report. `false`
    /// says nothing about why; [`TypeInfo::check`] does.
    pub fn is_valid_bytes(&self, bytes: &[u8], options: &Options) -> bool {
        (self.valid_bytes)(bytes, options)
    }

    /// [`TypeInfo::is_valid_bytes`], and when the document is valid, its top level as
    /// the decoder saw it (see [`crate::strict::from_slice_with_top`]): what a caller
    /// needs to confirm that the document is of this type, by its keys, without a
    /// second pass over the bytes. `None` when invalid, or when the top level was not
    /// recorded whole.
    pub fn valid_bytes_top(&self, bytes: &[u8], options: &Options) -> Option<TopLevel> {
        (self.valid_bytes_top)(bytes, options)
    }

    /// Decodes `value` as this type and encodes it again.
    pub fn round_trip(&self, value: &Value) -> Result<Value, String> {
        (self.round_trip)(value)
    }
}

/// Decodes `value` as `T` and validates it (see [`TypeInfo::check`]).
pub fn check_value<T: DeserializeOwned + Validate>(
    value: &Value,
    options: &Options,
) -> Result<(), Report> {
    match decode::<T>(value) {
        Ok(t) => t.validate_with(options),
        Err(v) => Err(std::iter::once(v).collect()),
    }
}

/// See [`TypeInfo::is_valid_bytes`]: `T` decoded straight from the bytes (no
/// `serde_json::Value` in between) through [`crate::strict::Strict::with_unique_keys`],
/// then validated.
pub fn valid_bytes<T: DeserializeOwned + Validate>(bytes: &[u8], options: &Options) -> bool {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match T::deserialize(crate::strict::Strict::with_unique_keys(&mut de)) {
        Ok(value) => de.end().is_ok() && value.validate_with(options).is_ok(),
        Err(_) => false,
    }
}

/// See [`TypeInfo::valid_bytes_top`].
pub fn valid_bytes_top<T: DeserializeOwned + Validate>(
    bytes: &[u8],
    options: &Options,
) -> Option<TopLevel> {
    let (value, top) = crate::strict::from_slice_with_top::<T>(bytes).ok()?;
    value.validate_with(options).is_ok().then_some(top)?
}

/// Decodes `value` as `T`; on failure, the violation says where (a JSON Pointer) and why.
///
/// serde's message is kept but the offending value is cut out of it, so a secret sent
/// with the wrong type is not echoed.
pub fn decode<T: DeserializeOwned>(value: &Value) -> Result<T, Violation> {
    serde_path_to_error::deserialize(crate::strict::Strict::new(value)).map_err(|e| {
        let mut pointer = String::new();
        for segment in e.path().iter() {
            use serde_path_to_error::Segment;
            match segment {
                Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
                Segment::Map { key } => crate::push_token(&mut pointer, key),
                Segment::Enum { variant } => crate::push_token(&mut pointer, variant),
                Segment::Unknown => {}
            }
        }
        let msg = redact_serde_message(&e.inner().to_string());
        Violation::new(pointer, decode_code(&msg), msg)
    })
}

/// Removes the echoed value from serde's "invalid type/value" messages.
pub fn redact_serde_message(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let Some(exp) = rest.find(", expected") {
                let kind = rest[..exp].split([' ', '`', '"']).next().unwrap_or("");
                return format!("{prefix}{kind}{}", &rest[exp..]);
            }
        }
    }
    message.to_string()
}

/// The violation code for a serde error message.
pub fn decode_code(message: &str) -> &'static str {
    if message.starts_with("unknown field") {
        "unknown_field"
    } else if message.starts_with("missing field") {
        "missing_field"
    } else if message.starts_with("duplicate field") {
        "duplicate_field"
    } else if message.starts_with("unknown variant") {
        "enum"
    } else {
        "type"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct T {
        env: std::collections::BTreeMap<String, String>,
    }

    impl Validate for T {
        fn validate_into(&self, _: &mut crate::Context<'_>) {}
    }

    #[test]
    fn valid_bytes_decodes_strictly() {
        let o = Options::new();
        assert!(valid_bytes::<T>(br#"{"env": {"A": "1", "B": "1"}}"#, &o));
        assert!(!valid_bytes::<T>(br#"{"env": {"A": "1", "A": "1"}}"#, &o));
        assert!(!valid_bytes::<T>(br#"{"env": {}, "env": {}}"#, &o));
        assert!(!valid_bytes::<T>(br#"{"env": {}} {}"#, &o));
        assert!(!valid_bytes::<T>(br#"[{}]"#, &o));
    }
}
