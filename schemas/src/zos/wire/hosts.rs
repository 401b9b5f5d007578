//! Where to reach something: http(s) URLs, hosts, WireGuard endpoints and log
//! targets, with the patterns their schemas give.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Value};

use crate::formats;
use crate::{Context, JsonSchema, SchemaGenerator, Validate};

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
