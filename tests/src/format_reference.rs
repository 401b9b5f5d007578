//! The implementation of `schemas::formats` before it was rewritten for speed, kept
//! verbatim as the reference the new checks are held to (`formats_equivalence`) and
//! measured against (`benches/formats.rs`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use schemas::formats::Format;

use base64::Engine as _;

/// `Format::check` before the rewrite.
pub fn check(f: Format, s: &str) -> bool {
    match f {
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

pub fn is_ipv4(s: &str) -> bool {
    Ipv4Addr::from_str(s).is_ok()
}

pub fn is_ipv6(s: &str) -> bool {
    Ipv6Addr::from_str(s).is_ok()
}

pub fn is_ip(s: &str) -> bool {
    IpAddr::from_str(s).is_ok()
}

pub fn is_cidr(s: &str) -> bool {
    ipnet::IpNet::from_str(s).is_ok()
}

pub fn is_uri(s: &str) -> bool {
    fluent_uri::Uri::parse(s).is_ok()
}

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

pub fn is_hex(s: &str) -> bool {
    s.len() % 2 == 0 && s.bytes().all(|c| c.is_ascii_hexdigit())
}

pub fn is_base64(s: &str) -> bool {
    base64::engine::general_purpose::STANDARD.decode(s).is_ok()
}

pub fn is_email(s: &str) -> bool {
    email_address::EmailAddress::is_valid(s)
}

pub fn is_date_time(s: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(s).is_ok()
}
