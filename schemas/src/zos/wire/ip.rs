//! IP ranges and addresses, kept as written and compared as Go compared the parsed
//! values.

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Value};

use crate::formats;
use crate::{Context, JsonSchema, SchemaGenerator, Validate};

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
