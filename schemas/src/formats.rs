//! The string formats of `#[schema(format = "...")]`, each with a real check.
//!
//! The same functions back the typed validation and, registered as custom formats,
//! the `jsonschema` crate's view of our schemas (see [`Format::check`]).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use base64::Engine as _;

/// A string format known to `#[schema(format = "...")]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// An IPv4 address in dotted-quad form (`10.0.0.1`).
    Ipv4,
    /// An IPv6 address (`2001:db8::1`).
    Ipv6,
    /// An IPv4 or IPv6 address.
    Ip,
    /// An IPv4 or IPv6 network in CIDR notation; host bits are allowed (`10.1.1.5/24`).
    Cidr,
    /// An absolute URI with a scheme (RFC 3986).
    Uri,
    /// A DNS host name (RFC 1123): labels of letters, digits and `-`, at most 253 bytes.
    Hostname,
    /// Hexadecimal digits, an even number of them (bytes).
    Hex,
    /// Standard base64 with padding (RFC 4648 §4).
    Base64,
    /// An e-mail address (RFC 5321 addr-spec).
    Email,
    /// An RFC 3339 date and time with a UTC offset (`2020-04-01T12:00:00Z`).
    DateTime,
}

impl Format {
    /// Every format, in the order of the documentation.
    pub const ALL: &'static [Format] = &[
        Format::Ipv4,
        Format::Ipv6,
        Format::Ip,
        Format::Cidr,
        Format::Uri,
        Format::Hostname,
        Format::Hex,
        Format::Base64,
        Format::Email,
        Format::DateTime,
    ];

    /// The name used in attributes and in JSON Schema's `format` keyword.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
            Format::Ip => "ip",
            Format::Cidr => "cidr",
            Format::Uri => "uri",
            Format::Hostname => "hostname",
            Format::Hex => "hex",
            Format::Base64 => "base64",
            Format::Email => "email",
            Format::DateTime => "date-time",
        }
    }

    /// The violation code for a string not in this format (`format.cidr`, ...).
    pub const fn code(self) -> &'static str {
        match self {
            Format::Ipv4 => "format.ipv4",
            Format::Ipv6 => "format.ipv6",
            Format::Ip => "format.ip",
            Format::Cidr => "format.cidr",
            Format::Uri => "format.uri",
            Format::Hostname => "format.hostname",
            Format::Hex => "format.hex",
            Format::Base64 => "format.base64",
            Format::Email => "format.email",
            Format::DateTime => "format.date-time",
        }
    }

    /// What a value of this format is, for messages ("an IPv4 address").
    pub const fn describe(self) -> &'static str {
        match self {
            Format::Ipv4 => "an IPv4 address",
            Format::Ipv6 => "an IPv6 address",
            Format::Ip => "an IP address",
            Format::Cidr => "an IP range in CIDR notation",
            Format::Uri => "an absolute URI",
            Format::Hostname => "a host name",
            Format::Hex => "hexadecimal bytes",
            Format::Base64 => "base64",
            Format::Email => "an e-mail address",
            Format::DateTime => "an RFC 3339 date-time",
        }
    }

    /// The format called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// Whether `s` is in this format.
    pub fn check(self, s: &str) -> bool {
        match self {
            Format::Ipv4 => is_ipv4(s),
            Format::Ipv6 => is_ipv6(s),
            Format::Ip => is_ipv4(s) || is_ipv6(s),
            Format::Cidr => is_cidr(s),
            Format::Uri => is_uri(s),
            Format::Hostname => is_hostname(s),
            Format::Hex => is_hex(s),
            Format::Base64 => is_base64(s),
            Format::Email => is_email(s),
            Format::DateTime => is_date_time(s),
        }
    }
}

/// Whether `s` is an IPv4 address in dotted-quad form.
pub fn is_ipv4(s: &str) -> bool {
    Ipv4Addr::from_str(s).is_ok()
}

/// Whether `s` is an IPv6 address (no zone index).
pub fn is_ipv6(s: &str) -> bool {
    Ipv6Addr::from_str(s).is_ok()
}

/// Whether `s` is an IPv4 or IPv6 address.
pub fn is_ip(s: &str) -> bool {
    IpAddr::from_str(s).is_ok()
}

/// Whether `s` is an IP network in CIDR notation (host bits allowed, prefix required).
pub fn is_cidr(s: &str) -> bool {
    ipnet::IpNet::from_str(s).is_ok()
}

/// Whether `s` is an absolute URI (RFC 3986, with a scheme).
pub fn is_uri(s: &str) -> bool {
    fluent_uri::Uri::parse(s).is_ok()
}

/// Whether `s` is a host name as RFC 1123 defines it (a trailing dot is not allowed).
pub fn is_hostname(s: &str) -> bool {
    if s.is_empty() || s.len() > 253 {
        return false;
    }
    s.split('.').all(|label| {
        let b = label.as_bytes();
        !b.is_empty()
            && b.len() <= 63
            && b[0] != b'-'
            && b[b.len() - 1] != b'-'
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    })
}

/// Whether `s` is hexadecimal bytes: an even number of `0-9a-fA-F` digits.
pub fn is_hex(s: &str) -> bool {
    s.len() % 2 == 0 && s.bytes().all(|c| c.is_ascii_hexdigit())
}

/// Whether `s` is standard base64 with padding.
pub fn is_base64(s: &str) -> bool {
    base64::engine::general_purpose::STANDARD.decode(s).is_ok()
}

/// Whether `s` is an e-mail address.
pub fn is_email(s: &str) -> bool {
    email_address::EmailAddress::is_valid(s)
}

/// Whether `s` is an RFC 3339 date-time.
pub fn is_date_time(s: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(*f));
            assert!(f.code().ends_with(f.name()));
        }
        assert_eq!(Format::from_name("ipv5"), None);
    }

    #[test]
    fn checks() {
        let cases: &[(Format, &str, bool)] = &[
            (Format::Ipv4, "10.0.0.1", true),
            (Format::Ipv4, "10.0.0.256", false),
            (Format::Ipv4, "::1", false),
            (Format::Ipv6, "2001:db8::1", true),
            (Format::Ipv6, "10.0.0.1", false),
            (Format::Ip, "10.0.0.1", true),
            (Format::Ip, "fe80::1", true),
            (Format::Ip, "", false),
            (Format::Cidr, "10.1.1.5/24", true),
            (Format::Cidr, "2001:db8::/32", true),
            (Format::Cidr, "10.0.0.0", false),
            (Format::Cidr, "10.0.0.0/33", false),
            (Format::Uri, "https://hub.grid.tf/a.flist", true),
            (Format::Uri, "hub.grid.tf/a.flist", false),
            (Format::Hostname, "hub.grid.tf", true),
            (Format::Hostname, "-bad.example", false),
            (Format::Hostname, "a..b", false),
            (Format::Hex, "deadBEEF", true),
            (Format::Hex, "abc", false),
            (Format::Hex, "zz", false),
            (Format::Base64, "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q=", true),
            (Format::Base64, "not base64!", false),
            (Format::Email, "ops@example.com", true),
            (Format::Email, "ops.example.com", false),
            (Format::DateTime, "2020-04-01T12:00:00Z", true),
            (Format::DateTime, "2020-04-01 12:00", false),
        ];
        for (f, s, ok) in cases {
            assert_eq!(f.check(s), *ok, "{} {s:?}", f.name());
        }
    }
}
