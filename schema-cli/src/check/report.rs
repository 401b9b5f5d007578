//! What a check gives back: the verdict on one document and its errors, each placed
//! in the input.

use crate::locate::Excerpt;

/// The verdict on one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Parsed, decoded and broke no rule.
    Valid,
    /// Not JSON, of no known type, or breaking a rule.
    Invalid,
    /// Could not be read at all (an I/O error).
    Unreadable,
}

/// One error, placed in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorItem {
    /// JSON Pointer of the offending value (`""` is the whole document).
    pub pointer: String,
    /// 1-based line in the file (`None` when the file could not be read).
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
    /// Stable code: `syntax`, `io`, `unknown_type`, `duplicate_key`, or a validation
    /// code (`range`, `format.cidr`, `unknown_field`, `rule.quorum`, ...).
    pub code: String,
    /// What is wrong, never with a secret's value.
    pub message: String,
    /// The offending line, when asked for, and never for a secret.
    pub excerpt: Option<Excerpt>,
    /// Whether the offending value is a secret (so no excerpt is shown).
    pub secret: bool,
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocReport {
    /// The file as given on the command line (`<stdin>` for standard input).
    pub path: String,
    /// The type it was checked as.
    pub type_name: Option<&'static str>,
    /// The verdict.
    pub status: Status,
    /// Every error, in the order of the input.
    pub errors: Vec<ErrorItem>,
}

impl DocReport {
    /// A document that could not be read.
    pub fn unreadable(path: impl Into<String>, message: impl Into<String>) -> Self {
        DocReport {
            path: path.into(),
            type_name: None,
            status: Status::Unreadable,
            errors: vec![ErrorItem {
                pointer: String::new(),
                line: None,
                column: None,
                code: "io".into(),
                message: message.into(),
                excerpt: None,
                secret: false,
            }],
        }
    }
}
