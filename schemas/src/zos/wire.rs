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
use std::net::IpAddr;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Value};

use crate::formats;
use crate::{Context, JsonSchema, SchemaGenerator, Validate};

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

fn ip_equal(a: &str, b: &str) -> bool {
    match (IpAddr::from_str(a), IpAddr::from_str(b)) {
        (Ok(x), Ok(y)) => to_v6(x) == to_v6(y),
        _ => a == b,
    }
}

fn to_v6(ip: IpAddr) -> std::net::Ipv6Addr {
    match ip {
        IpAddr::V4(v4) => v4.to_ipv6_mapped(),
        IpAddr::V6(v6) => v6,
    }
}

wire_string! {
    /// An IP range (`schema.IPRange`): a CIDR string such as `"10.1.0.0/16"`, or `""` when
    /// unset. The host bits are kept (`"10.1.1.5/24"` is valid and re-encodes unchanged).
    ///
    /// Equality compares the parsed ranges when both parse, as Go compared `net.IPNet`
    /// values, and the text otherwise.
    IpRange [] {
        check: |s| s.is_empty() || formats::is_cidr(s),
        code: "format.cidr",
        expected: "an IP range in CIDR notation such as \"10.1.0.0/16\" (or \"\" when unset)",
        secret: false,
        schema: json!({
            "description": "An IP range in CIDR notation (host bits allowed); \"\" means unset.",
            "type": "string",
            "anyOf": [{ "const": "" }, { "format": "cidr" }],
            "examples": ["10.1.0.0/16"],
        }),
    }
}

impl IpRange {
    /// The parsed network (host bits kept), or `None` when unset or malformed.
    pub fn net(&self) -> Option<ipnet::IpNet> {
        ipnet::IpNet::from_str(&self.0).ok()
    }

    /// Whether the range is the same network as `other`, as Go compared them.
    pub fn same_as(&self, other: &Self) -> bool {
        match (self.net(), other.net()) {
            (Some(a), Some(b)) => a == b,
            _ => self.0 == other.0,
        }
    }
}

wire_string! {
    /// An IP address (`net.IP`): an IPv4 or IPv6 string, or `""` when unset.
    IpAddress [] {
        check: |s| s.is_empty() || formats::is_ip(s),
        code: "format.ip",
        expected: "an IPv4 or IPv6 address (or \"\" when unset)",
        secret: false,
        schema: json!({
            "description": "An IPv4 or IPv6 address; \"\" means unset.",
            "type": "string",
            "anyOf": [{ "const": "" }, { "format": "ip" }],
            "examples": ["10.1.1.2"],
        }),
    }
}

impl IpAddress {
    /// The parsed address, or `None` when unset or malformed.
    pub fn addr(&self) -> Option<IpAddr> {
        IpAddr::from_str(&self.0).ok()
    }

    /// Whether both name the same address, as Go compared `net.IP` values (an IPv4
    /// address equals its IPv4-mapped IPv6 form).
    pub fn same_as(&self, other: &Self) -> bool {
        ip_equal(&self.0, &other.0)
    }
}

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

/// The pattern of [`HttpUrl`]'s scheme.
pub const HTTP_URL_PATTERN: &str = "^([hH][tT][tT][pP][sS]?://.*)?$";

static HTTP_URL: LazyLock<Option<regex::Regex>> =
    LazyLock::new(|| regex::Regex::new(HTTP_URL_PATTERN).ok());

fn is_http_url(s: &str) -> bool {
    s.is_empty() || (formats::is_uri(s) && HTTP_URL.as_ref().is_some_and(|re| re.is_match(s)))
}

wire_string! {
    /// An `http://` or `https://` URL (an flist, a hub), or `""` when unset.
    HttpUrl [PartialEq, Eq, Hash, PartialOrd, Ord] {
        check: is_http_url,
        code: "format.url",
        expected: "an http:// or https:// URL (or \"\" when unset)",
        secret: false,
        schema: json!({
            "description": "An http(s) URL; \"\" means unset.",
            "type": "string",
            "anyOf": [{ "const": "" }, { "format": "uri", "pattern": HTTP_URL_PATTERN }],
            "examples": ["https://hub.grid.tf/tf-official-apps/ubuntu-bionic-build.flist"],
        }),
    }
}

fn is_host(s: &str) -> bool {
    s.is_empty() || formats::is_ip(s) || formats::is_hostname(s)
}

wire_string! {
    /// A host: an IP address or a DNS host name, or `""` when unset.
    Host [PartialEq, Eq, Hash, PartialOrd, Ord] {
        check: is_host,
        code: "format.host",
        expected: "an IP address or a host name (or \"\" when unset)",
        secret: false,
        schema: json!({
            "description": "An IP address or a host name; \"\" means unset.",
            "type": "string",
            "anyOf": [{ "const": "" }, { "format": "ip" }, { "format": "hostname" }],
        }),
    }
}

/// The pattern of a TCP/UDP port number, 1 to 65535, without leading zeros.
const PORT: &str =
    "([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";

/// The pattern of a DNS host name (RFC 1123 labels).
const HOSTNAME: &str =
    "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";

/// The pattern of [`Endpoint`]: `host:port` or `[ipv6]:port`, or empty.
pub static ENDPOINT_PATTERN: LazyLock<String> =
    LazyLock::new(|| format!("^(({HOSTNAME}|\\[[0-9A-Fa-f:.]+\\]):{PORT})?$"));

static ENDPOINT: LazyLock<Option<regex::Regex>> =
    LazyLock::new(|| regex::Regex::new(&ENDPOINT_PATTERN).ok());

fn is_endpoint(s: &str) -> bool {
    ENDPOINT.as_ref().is_some_and(|re| re.is_match(s))
}

wire_string! {
    /// A WireGuard endpoint: `host:port` or `[ipv6]:port` with a port from 1 to 65535, or
    /// `""` when the peer is not reached directly.
    Endpoint [PartialEq, Eq, Hash, PartialOrd, Ord] {
        check: is_endpoint,
        code: "format.endpoint",
        expected: "host:port or [IPv6]:port with a port from 1 to 65535 (or \"\" when unset)",
        secret: false,
        schema: json!({
            "description": "host:port or [IPv6]:port; \"\" means unset.",
            "type": "string",
            "pattern": ENDPOINT_PATTERN.as_str(),
            "examples": ["185.69.166.1:3000"],
        }),
    }
}

/// The pattern of [`LogTarget`]: `redis://host[:port]/channel`, or empty.
pub static LOG_TARGET_PATTERN: LazyLock<String> = LazyLock::new(|| {
    format!("^(redis://({HOSTNAME}|\\[[0-9A-Fa-f:.]+\\])(:{PORT})?/[^/?#\\s]+)?$")
});

static LOG_TARGET: LazyLock<Option<regex::Regex>> =
    LazyLock::new(|| regex::Regex::new(&LOG_TARGET_PATTERN).ok());

fn is_log_target(s: &str) -> bool {
    LOG_TARGET.as_ref().is_some_and(|re| re.is_match(s))
}

wire_string! {
    /// Where a container's output stream goes: `redis://host[:port]/channel` (the node
    /// publishes each line on the channel), or `""` to drop the stream.
    LogTarget [PartialEq, Eq, Hash, PartialOrd, Ord] {
        check: is_log_target,
        code: "format.log_target",
        expected: "a log target redis://host[:port]/channel (or \"\" to drop the stream)",
        secret: false,
        schema: json!({
            "description": "redis://host[:port]/channel; \"\" means the stream is not sent.",
            "type": "string",
            "pattern": LOG_TARGET_PATTERN.as_str(),
            "examples": ["redis://10.1.0.5:6379/container-stdout"],
        }),
    }
}

impl PartialEq for IpRange {
    fn eq(&self, other: &Self) -> bool {
        self.same_as(other)
    }
}

impl Eq for IpRange {}

impl PartialEq for IpAddress {
    fn eq(&self, other: &Self) -> bool {
        self.same_as(other)
    }
}

impl Eq for IpAddress {}

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
