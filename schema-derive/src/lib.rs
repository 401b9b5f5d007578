//! `#[derive(Schema)]`: validation, JSON Schema and enum mappings from one set of
//! attributes. Use it through the `schemas` crate, which holds the runtime it expands to.
//!
//! The macro works in three stages, a module each: [`attr`] and [`ast`] parse the
//! `#[serde(...)]` and `#[schema(...)]` attributes into a checked model (every error is
//! collected in [`ctxt::Ctxt`] and reported on its token), and one emitter per output
//! reads only that model: [`emit_validate`], [`emit_schema`], [`emit_enum`]. On an
//! attribute error the errors are emitted together with stub impls ([`dummy`]), so one
//! mistake gives one error.
//!
//! # Attributes
//!
//! On fields, `#[schema(...)]` takes:
//!
//! | keyword | applies to | checks | JSON Schema |
//! |---|---|---|---|
//! | `range(min = N, max = N, exclusive_min = N, exclusive_max = N)` | numbers | bounds | `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` |
//! | `length(min = N, max = N)` or `length(equal = N)` | strings (characters), sequences (items), maps (entries) | size | `minLength`/`minItems`/`minProperties`, ... |
//! | `non_empty` | strings, sequences, maps | size ≥ 1 | `minLength`/`minItems`/`minProperties: 1` |
//! | `pattern = "regex"` | strings | unanchored match | `pattern` |
//! | `format = "ipv4" \| "ipv6" \| "ip" \| "cidr" \| "uri" \| "hostname" \| "hex" \| "base64" \| "email" \| "date-time"` | strings | the format | `format` |
//! | `unique` | sequences | no repeated item | `uniqueItems` |
//! | `custom = path::to::fn` | anything | `fn(&FieldType, &mut schemas::Context<'_>)` | listed in `x-custom` |
//! | `secret` | anything | values never shown in messages | `writeOnly: true` |
//! | `example = literal` | anything | | `examples` |
//! | `deprecated` | anything | | `deprecated: true` |
//!
//! Fields whose type derives `Schema` are validated recursively (through `Option`,
//! `Vec`, maps and boxes) without any keyword.
//!
//! On structs and enums: `rule = path::to::fn` (several allowed; `fn(&Self, &mut
//! schemas::Context<'_>)`, listed in the schema under `x-rules`), `title = "..."`,
//! `rename_all = "..."` (enum names). On unit enums: `repr = "int" | "string"` makes the
//! derive implement `Serialize`/`Deserialize` in that wire form (do not derive serde's
//! then). On variants: `rename = "..."`, `alias = "..."` (several allowed).
//!
//! Doc comments become `description`s. The serde attributes `rename`, `rename_all`,
//! `default`, `skip`, `skip_serializing_if`, `flatten`, `alias`,
//! `deny_unknown_fields`, `tag`, `content`, `untagged` and `transparent` are read so
//! that the schema and the validation pointers describe what `serde_json` does.

mod ast;
mod attr;
mod bound;
mod case;
mod ctxt;
mod dummy;
mod emit_enum;
mod emit_schema;
mod emit_validate;

use proc_macro::TokenStream;

/// Derives `Validate`, `JsonSchema` and, for unit enums, `StrEnum` with `FromStr`,
/// `Display`, `TryFrom<i64>` (and serde with `#[schema(repr = ...)]`).
///
/// See the crate documentation for the attributes.
#[proc_macro_derive(Schema, attributes(schema))]
pub fn derive_schema(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand(&input).into()
}

fn expand(input: &syn::DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::new();
    let container = ast::Container::from_ast(&cx, input);
    match (cx.check(), container) {
        (Ok(()), Some(container)) => {
            let validate = emit_validate::expand(&container);
            let schema = emit_schema::expand(&container);
            let enums = emit_enum::expand(&container);
            quote::quote! {
                #[doc(hidden)]
                #[allow(non_upper_case_globals, unused_attributes, unused_qualifications, clippy::all)]
                const _: () = {
                    #validate
                    #schema
                    #enums
                };
            }
        }
        (Err(errors), _) => {
            let stubs = dummy::stubs(input);
            quote::quote! { #errors #stubs }
        }
        (Ok(()), None) => dummy::stubs(input),
    }
}
