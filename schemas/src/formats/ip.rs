//! IPv4, IPv6 and CIDR checks: exact re-implementations of the parsers of
//! `std::net` (`core::net::parser`) and of `ipnet` (`ipnet::parser`, a modified copy of
//! an older `std` parser), as single forward passes instead of backtracking readers.
//!
//! Both originals are greedy and never backtrack into a number: a number is the whole
//! run of digits at the current position, and it fails as a whole if it is too long or
//! too large. They differ in two places, captured by [`Dialect`]:
//!
//! - `std` rejects decimal octets with a leading zero (`01`), `ipnet` accepts them;
//! - after `::`, `std` reads at most `7 - head` more groups, `ipnet` at most `8 - head`
//!   (so `ipnet` accepts `::1:2:3:4:5:6:7:8/64`, where the `::` stands for nothing).
//!
//! The readers below return where the address ends; the callers then require the end
//! of the string (`std`) or a `/` and a prefix length (`ipnet`). Where the originals
//! would stop early, at a byte that the caller then rejects anyway, these readers may
//! give up at once instead: the outcome of the whole check is the same.

/// Whose parsing rules to follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    /// `std::net::{Ipv4Addr, Ipv6Addr, IpAddr}::from_str`.
    Std,
    /// `ipnet::IpNet::from_str`.
    IpNet,
}

/// The value of the ASCII decimal digit at `b[i]`, if there is one.
#[inline(always)]
fn digit_at(b: &[u8], i: usize) -> Option<u32> {
    match b.get(i) {
        Some(&c) if c.is_ascii_digit() => Some(u32::from(c - b'0')),
        _ => None,
    }
}

/// Reads one decimal octet at `pos`: the whole run of digits there, 1 to 3 of them,
/// worth at most 255 (and, for [`Dialect::Std`], with no leading zero unless it is
/// `0`). Returns its end.
#[inline(always)]
fn read_octet(b: &[u8], pos: usize, dialect: Dialect) -> Option<usize> {
    let d0 = digit_at(b, pos)?;
    let Some(d1) = digit_at(b, pos + 1) else {
        return Some(pos + 1);
    };
    if dialect == Dialect::Std && d0 == 0 {
        return None;
    }
    let Some(d2) = digit_at(b, pos + 2) else {
        return Some(pos + 2);
    };
    if digit_at(b, pos + 3).is_some() || d0 * 100 + d1 * 10 + d2 > 255 {
        return None;
    }
    Some(pos + 3)
}

/// Reads a dotted-quad IPv4 address at `pos`: four octets separated by dots. Returns
/// its end, which is followed by neither a digit nor a `.`.
///
/// (After the fourth octet the originals stop before a `.`, and every caller then
/// fails on it; here the `.` makes the read fail.)
#[inline(always)]
fn read_ipv4(b: &[u8], pos: usize, dialect: Dialect) -> Option<usize> {
    let mut end = read_octet(b, pos, dialect)?;
    for _ in 0..3 {
        if b.get(end) != Some(&b'.') {
            return None;
        }
        end = read_octet(b, end + 1, dialect)?;
    }
    (b.get(end) != Some(&b'.')).then_some(end)
}

/// The end of the run of ASCII hex digits starting at `pos`, stopping after 5 digits
/// (enough to know the run is too long for a group).
#[inline(always)]
fn hex_run(b: &[u8], pos: usize) -> usize {
    let mut i = pos;
    while let Some(&c) = b.get(i) {
        if !c.is_ascii_hexdigit() || i - pos > 4 {
            break;
        }
        i += 1;
    }
    i
}

/// Reads an IPv6 address at the start of `b`; returns its end.
///
/// The originals read up to 8 `:`-separated groups of 1 to 4 hex digits (the "head");
/// unless there are 8, a `::` must follow, then up to `7 - head` (`std`) or `8 - head`
/// (`ipnet`) more groups. At each group, while at least two group slots are left, they
/// first try an IPv4 address, which counts as two groups and ends the address (in the
/// head it must complete the 8 groups). So, in one pass:
/// - without `::`, exactly 8 groups, the last two possibly an IPv4 address;
/// - with one `::` (after at most 7 groups), at most 7 (`std`) or 8 (`ipnet`) groups in
///   all, again possibly ending with an IPv4 address;
/// - a group followed by `.` can only be the start of that IPv4 address: since an IPv4
///   address starts with a digit run followed by `.`, it is tried exactly when the hex
///   run at a group is followed by `.`, and if it fails the originals read the hex
///   run as a group, stop at the `.`, and fail.
#[inline]
fn read_ipv6(b: &[u8], dialect: Dialect) -> Option<usize> {
    let max_groups_with_ellipsis = match dialect {
        Dialect::Std => 7,
        Dialect::IpNet => 8,
    };
    let mut pos = 0;
    let mut groups = 0;
    let mut ellipsis = false;
    // Right after `::`, where the tail may be empty.
    let mut after_ellipsis = false;
    if b.starts_with(b"::") {
        pos = 2;
        ellipsis = true;
        after_ellipsis = true;
    }
    loop {
        let end = hex_run(b, pos);
        if b.get(end) == Some(&b'.') {
            let fits = if ellipsis {
                groups + 2 <= max_groups_with_ellipsis
            } else {
                groups == 6
            };
            return if fits {
                read_ipv4(b, pos, dialect)
            } else {
                None
            };
        }
        let len = end - pos;
        if len == 0 {
            // Nothing readable after `::` ends the address there (the caller decides
            // whether what follows is acceptable); anywhere else a group is missing.
            return after_ellipsis.then_some(pos);
        }
        if len > 4 {
            return None;
        }
        groups += 1;
        if groups
            > if ellipsis {
                max_groups_with_ellipsis
            } else {
                8
            }
        {
            return None;
        }
        pos = end;
        after_ellipsis = false;
        match (b.get(pos), b.get(pos + 1)) {
            (Some(b':'), Some(b':')) => {
                if ellipsis || groups > 7 {
                    return None;
                }
                ellipsis = true;
                after_ellipsis = true;
                pos += 2;
            }
            (Some(b':'), _) => pos += 1,
            _ => return (ellipsis || groups == 8).then_some(pos),
        }
    }
}

/// Reads `/` and a prefix length at `pos`: 1 to `max_digits` digits worth at most
/// `max` (leading zeros allowed, as in `ipnet`). Returns its end.
#[inline]
fn read_prefix(b: &[u8], pos: usize, max_digits: usize, max: u32) -> Option<usize> {
    if b.get(pos) != Some(&b'/') {
        return None;
    }
    let start = pos + 1;
    let mut i = start;
    let mut value = 0u32;
    while let Some(&c) = b.get(i) {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        value = value * 10 + u32::from(d);
        i += 1;
        if i - start > max_digits {
            return None;
        }
    }
    (i > start && value <= max).then_some(i)
}

/// `std::net::Ipv4Addr::from_str(s).is_ok()`.
pub(super) fn is_ipv4(b: &[u8]) -> bool {
    read_ipv4(b, 0, Dialect::Std) == Some(b.len())
}

/// `std::net::Ipv6Addr::from_str(s).is_ok()`.
pub(super) fn is_ipv6(b: &[u8]) -> bool {
    read_ipv6(b, Dialect::Std) == Some(b.len())
}

/// `ipnet::IpNet::from_str(s).is_ok()`: an IPv4 network is tried first, then (only if
/// that fails before the end of its prefix) an IPv6 network.
pub(super) fn is_cidr(b: &[u8]) -> bool {
    if let Some(end) = read_ipv4(b, 0, Dialect::IpNet).and_then(|p| read_prefix(b, p, 2, 32)) {
        return end == b.len();
    }
    read_ipv6(b, Dialect::IpNet).and_then(|p| read_prefix(b, p, 3, 128)) == Some(b.len())
}
