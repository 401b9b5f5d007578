//! # zos-schema
//!
//! One set of annotated Rust types as the single source of truth for validation, JSON
//! Schema and enum mappings, and the ThreeFold 0-OS v2 provisioning definitions built
//! with it.
//!
//! ```
//! use schemas::{Schema, Validate, JsonSchema};
//!
//! #[derive(Schema, serde::Serialize, serde::Deserialize)]
//! struct Capacity {
//!     /// Number of virtual CPUs.
//!     #[schema(range(min = 1, max = 32))]
//!     cpu: u32,
//! }
//!
//! let report = Capacity { cpu: 0 }.validate().unwrap_err();
//! assert_eq!(report.violations()[0].pointer(), "/cpu");
//! assert_eq!(report.violations()[0].code(), "range");
//! assert_eq!(Capacity::json_schema()["properties"]["cpu"]["minimum"], 1);
//! ```
#![warn(missing_docs)]

// Lets the derive's `::schemas::...` paths resolve inside this crate too (the 0-OS types).
extern crate self as schemas;

mod constraints;
pub mod export;
pub mod formats;
mod json_schema;
pub mod registry;
mod report;
mod str_enum;
pub mod strict;
mod validate;
#[cfg(feature = "zos")]
pub mod zos;

pub use json_schema::{nullable, JsonSchema, SchemaGenerator, DRAFT_2020_12};
pub use report::{push_token, Report, Violation};
pub use schema_derive::Schema;
pub use str_enum::{InvalidDiscriminant, ParseEnumError, StrEnum};
pub use validate::{Context, Options, Validate};

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
