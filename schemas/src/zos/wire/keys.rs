//! Key material: ed25519 signatures, WireGuard keys and the sealed secrets only the
//! node can open.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Value};

use crate::formats;
use crate::{Context, JsonSchema, SchemaGenerator, Validate};

/// The pattern of [`Signature`]: 128 hexadecimal digits (an ed25519 signature), or empty.
pub const SIGNATURE_PATTERN: &str = "^([0-9a-fA-F]{128})?$";

wire_string! {
    /// A signature: the hex encoding of a 64-byte ed25519 signature (128 hex digits), or
    /// `""` when not signed yet.
    Signature [PartialEq, Eq, Hash, PartialOrd, Ord] {
        check: |s| s.is_empty() || (s.len() == 128 && s.bytes().all(|c| c.is_ascii_hexdigit())),
        code: "format.signature",
        expected: "an ed25519 signature: 128 hexadecimal digits (or \"\" when unsigned)",
        secret: false,
        schema: json!({
            "description": "The hex of an ed25519 signature (128 hex digits); \"\" means unsigned.",
            "type": "string",
            "pattern": SIGNATURE_PATTERN,
        }),
    }
}

/// The pattern of [`WireguardKey`]: the padded base64 of exactly 32 bytes, or empty.
pub const WIREGUARD_KEY_PATTERN: &str = "^([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)?$";

fn is_wireguard_key(s: &str) -> bool {
    use base64::Engine as _;
    s.is_empty()
        || (s.len() == 44
            && matches!(base64::engine::general_purpose::STANDARD.decode(s), Ok(b) if b.len() == 32))
}

wire_string! {
    /// A WireGuard public key: standard base64 (with padding) of 32 bytes, or `""` when
    /// unset.
    WireguardKey [PartialEq, Eq, Hash, PartialOrd, Ord] {
        check: is_wireguard_key,
        code: "format.wireguard_key",
        expected: "a WireGuard key: the base64 of 32 bytes, 44 characters ending in '=' (or \"\" when unset)",
        secret: false,
        schema: json!({
            "description": "A WireGuard key: base64 (with padding) of 32 bytes; \"\" means unset.",
            "type": "string",
            "pattern": WIREGUARD_KEY_PATTERN,
            "examples": ["L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q="],
        }),
    }
}

wire_string! {
    /// A secret for the node: the hex of a sealed box (Curve25519) opened only by the
    /// node's key; `""` when absent. Never shown in messages or in `Debug` output.
    SealedBox [PartialEq, Eq, Hash, PartialOrd, Ord] {
        check: formats::is_hex,
        code: "format.hex",
        expected: "hexadecimal bytes (the hex of a sealed box for the node)",
        secret: true,
        schema: json!({
            "description": "The hex of a sealed box for the node (a secret); \"\" means absent.",
            "type": "string",
            "format": "hex",
            "writeOnly": true,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wireguard_pattern_matches_check() {
        let re = regex::Regex::new(WIREGUARD_KEY_PATTERN).ok();
        let re = re.as_ref();
        for s in [
            "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q=",
            "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3R=",
            "",
            "abc=",
        ] {
            assert_eq!(
                re.is_some_and(|r| r.is_match(s)),
                is_wireguard_key(s),
                "{s}"
            );
        }
    }
}
