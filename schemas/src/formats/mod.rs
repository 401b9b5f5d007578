//! The string formats of `#[schema(format = "...")]`, each with a real check.
//!
//! The same functions back the typed validation and, registered as custom formats,
//! the `jsonschema` crate's view of our schemas (see [`Format::check`]).
//!
//! Every check accepts exactly the strings a reference parser accepts (listed on each
//! function); the checks here are hand-written so that the common cases cost a few
//! nanoseconds and never allocate:
//!
//! - `ipv4`, `ipv6`, `ip`, `cidr`, `hostname`, `hex` and `base64` are complete,
//!   exact re-implementations of their reference parsers;
//! - `uri`, `email` and `date-time` have fast paths for the usual shapes that only
//!   accept strings the reference parser accepts, and hand everything else to it
//!   (after turning down what the reference turns down at its very first step: no
//!   scheme, no `@`, fewer than 19 bytes).
//!
//! The byte-class checks run over 16-byte blocks the compiler vectorizes (`scan`).
//! `tests/tests/formats_equivalence/` checks the equivalence against a copy of the
//! reference implementations with property tests, and `tests/benches/formats.rs`
//! measures both.

mod date_time;
mod email;
mod ip;
mod scan;
mod text;
mod uri;

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
            Format::Ip => is_ip(s),
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
///
/// Accepts exactly what `std::net::Ipv4Addr::from_str` accepts: four decimal octets
/// of at most 255, without leading zeros.
pub fn is_ipv4(s: &str) -> bool {
    ip::is_ipv4(s.as_bytes())
}

/// Whether `s` is an IPv6 address (no zone index).
///
/// Accepts exactly what `std::net::Ipv6Addr::from_str` accepts.
pub fn is_ipv6(s: &str) -> bool {
    ip::is_ipv6(s.as_bytes())
}

/// Whether `s` is an IPv4 or IPv6 address.
///
/// Accepts exactly what `std::net::IpAddr::from_str` accepts.
pub fn is_ip(s: &str) -> bool {
    let b = s.as_bytes();
    ip::is_ipv4(b) || ip::is_ipv6(b)
}

/// Whether `s` is an IP network in CIDR notation (host bits allowed, prefix required).
///
/// Accepts exactly what `ipnet::IpNet::from_str` accepts (which, unlike `std`, allows
/// leading zeros in IPv4 octets and in the prefix length).
pub fn is_cidr(s: &str) -> bool {
    ip::is_cidr(s.as_bytes())
}

/// Whether `s` is an absolute URI (RFC 3986, with a scheme).
///
/// Accepts exactly what `fluent_uri::Uri::parse` accepts.
pub fn is_uri(s: &str) -> bool {
    uri::is_uri(s)
}

/// Whether `s` is a host name as RFC 1123 defines it (a trailing dot is not allowed).
///
/// Labels of 1 to 63 ASCII letters, digits and `-`, not starting or ending with `-`,
/// separated by single dots; 253 bytes at most.
pub fn is_hostname(s: &str) -> bool {
    text::is_hostname(s.as_bytes())
}

/// Whether `s` is hexadecimal bytes: an even number of `0-9a-fA-F` digits.
pub fn is_hex(s: &str) -> bool {
    text::is_hex(s.as_bytes())
}

/// Whether `s` is standard base64 with padding.
///
/// Accepts exactly what `base64::engine::general_purpose::STANDARD` decodes: padding
/// to a multiple of four, and no set bits after the last encoded byte.
pub fn is_base64(s: &str) -> bool {
    text::is_base64(s.as_bytes())
}

/// Whether `s` is an e-mail address.
///
/// Accepts exactly what `email_address::EmailAddress::is_valid` accepts.
pub fn is_email(s: &str) -> bool {
    email::is_email(s)
}

/// Whether `s` is an RFC 3339 date-time.
///
/// Accepts exactly what `chrono::DateTime::parse_from_rfc3339` accepts.
pub fn is_date_time(s: &str) -> bool {
    date_time::is_date_time(s)
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
            (
                Format::Base64,
                "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q=",
                true,
            ),
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
