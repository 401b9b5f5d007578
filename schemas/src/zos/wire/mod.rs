//! The wire's own value types: Unix-second dates, CIDR ranges, IP addresses, hex
//! signatures, WireGuard keys, sealed secrets and a few string forms.
//!
//! Each type decodes from what the original Go code wrote and encodes back to exactly the
//! same JSON (text is kept as written: `"10.1.1.5/24"` stays `"10.1.1.5/24"`). A string
//! that has the right JSON type but not the right form still decodes, so that one run
//! reports every bad value at once: [`Validate`] then says which form was expected, with a
//! stable code (`format.cidr`, `format.signature`, ...), and the JSON Schema of the type
//! accepts exactly the same strings.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Value};

use crate::{Context, JsonSchema, SchemaGenerator, Validate};

/// Declares a string newtype of the wire: serde as a plain string (any text decodes),
/// [`Validate`] with the given check, and a JSON Schema that accepts the same strings.
macro_rules! wire_string {
    (
        $(#[$meta:meta])*
        $name:ident [$($derive:ident),*] {
            check: $check:expr,
            code: $code:literal,
            expected: $expected:literal,
            secret: $secret:literal,
            schema: $schema:expr $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Default $(, $derive)*)]
        pub struct $name(pub String);

        impl $name {
            /// The text as written on the wire.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Whether the value is the empty string (unset).
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }

            /// Whether the text has the form this type expects.
            pub fn is_valid(&self) -> bool {
                let check: fn(&str) -> bool = $check;
                check(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                if $secret {
                    write!(f, "{}(<{} characters>)", stringify!($name), self.0.len())
                } else {
                    write!(f, "{}({:?})", stringify!($name), self.0)
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map($name)
            }
        }

        impl Validate for $name {
            fn validate_into(&self, cx: &mut Context<'_>) {
                if !self.is_valid() {
                    if $secret {
                        cx.secret_error($code, concat!("must be ", $expected));
                    } else {
                        cx.error(
                            $code,
                            format!(
                                concat!("must be ", $expected, ", got {}"),
                                crate::__private::quote_str(&self.0)
                            ),
                        );
                    }
                }
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
            fn schema_body(_: &mut SchemaGenerator) -> Value {
                $schema
            }
        }
    };
}

// The modules come after the macro, so that it is in scope in them.
mod hosts;
mod ip;
mod keys;

pub use hosts::{
    Endpoint, Host, HttpUrl, LogTarget, ENDPOINT_PATTERN, HTTP_URL_PATTERN, LOG_TARGET_PATTERN,
};
pub use ip::{IpAddress, IpRange};
pub use keys::{SealedBox, Signature, WireguardKey, SIGNATURE_PATTERN, WIREGUARD_KEY_PATTERN};

/// A date as the original wrote it (`schema.Date`): integer Unix seconds, `0` when unset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(pub i64);

impl UnixTime {
    /// The unset date (`0`).
    pub const UNSET: UnixTime = UnixTime(0);

    /// The number of seconds since 1970-01-01T00:00:00Z.
    pub fn seconds(self) -> i64 {
        self.0
    }

    /// Whether the date is set (not `0`).
    pub fn is_set(self) -> bool {
        self.0 != 0
    }
}

impl From<i64> for UnixTime {
    fn from(seconds: i64) -> Self {
        UnixTime(seconds)
    }
}

impl fmt::Display for UnixTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for UnixTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for UnixTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        i64::deserialize(d).map(UnixTime)
    }
}

impl Validate for UnixTime {
    fn validate_into(&self, cx: &mut Context<'_>) {
        if self.0 < 0 {
            cx.error(
                "range",
                format!(
                    "must be a Unix time in seconds, 0 (unset) or more, got {}",
                    self.0
                ),
            );
        }
    }
}

impl JsonSchema for UnixTime {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("UnixTime")
    }
    fn schema_body(_: &mut SchemaGenerator) -> Value {
        json!({
            "description": "A date in integer Unix seconds (UTC); 0 means unset.",
            "type": "integer",
            "minimum": 0,
            "maximum": i64::MAX,
            "examples": [1_590_000_000],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        assert!(IpRange::from("10.1.1.5/24").is_valid());
        assert!(IpRange::from("").is_valid());
        assert!(!IpRange::from("10.1.1.5").is_valid());
        assert!(IpRange::from("10.1.0.0/16").same_as(&IpRange::from("10.1.0.0/16")));
        assert!(IpAddress::from("::ffff:10.0.0.1").same_as(&IpAddress::from("10.0.0.1")));
        assert!(!IpAddress::from("10.0.0.256").is_valid());
        assert!(Signature::from("ab".repeat(64).as_str()).is_valid());
        assert!(!Signature::from("ab".repeat(63).as_str()).is_valid());
        let key = "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q=";
        assert!(WireguardKey::from(key).is_valid());
        assert!(!WireguardKey::from("L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3R=").is_valid());
        assert!(!SealedBox::from("abc").is_valid());
        assert!(HttpUrl::from("https://hub.grid.tf/a.flist").is_valid());
        assert!(!HttpUrl::from("ftp://hub.grid.tf/a.flist").is_valid());
        assert!(Endpoint::from("[2a02:1802::1]:51820").is_valid());
        assert!(Endpoint::from("185.69.166.1:3000").is_valid());
        assert!(!Endpoint::from("185.69.166.1:0").is_valid());
        assert!(LogTarget::from("redis://10.1.0.5:6379/out").is_valid());
        assert!(LogTarget::from("redis://logs.example.com/out").is_valid());
        assert!(!LogTarget::from("http://logs.example.com/out").is_valid());
        assert!(!LogTarget::from("redis://logs.example.com:99999/out").is_valid());
    }
}
