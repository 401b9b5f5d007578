//! Absolute URIs: two fast paths, one vectorized for `scheme:` followed by common
//! characters only (`https://hub.grid.tf/a.flist`), one byte by byte for
//! `scheme://host[:port]/path?query#fragment` and `scheme:path` in general, and
//! `fluent_uri` for the rest (userinfo, IP literals, invalid strings).

use super::scan::all_bytes;

/// `fluent_uri::Uri::parse(s).is_ok()`.
pub(super) fn is_uri(s: &str) -> bool {
    let b = s.as_bytes();
    // Without a scheme, `fluent_uri` (scheme required) rejects the string: it reads the
    // whole run of scheme characters from the start and requires a `:` after it and a
    // letter at the start, as `scheme_end` does.
    let Some(scheme_end) = scheme_end(b) else {
        return false;
    };
    plain(b, scheme_end) || fast_accept(b, scheme_end) || fluent_uri::Uri::parse(s).is_ok()
}

/// Whether `c` is `unreserved` (`ALPHA / DIGIT / "-" / "." / "_" / "~"`), `/`, `?`,
/// `=` or `&`, branch-free.
#[inline(always)]
fn is_plain(c: u8) -> bool {
    // `-`, `.`, `/` and the digits are 0x2D to 0x39.
    (c.wrapping_sub(b'-') <= b'9' - b'-')
        | ((c | 0x20).wrapping_sub(b'a') < 26)
        | (c == b'_')
        | (c == b'~')
        | (c == b'?')
        | (c == b'=')
        | (c == b'&')
}

/// The end of the scheme and its `:` at the start of `b` (`ALPHA *( ALPHA / DIGIT /
/// "+" / "-" / "." ) ":"`), if there is one.
#[inline(always)]
fn scheme_end(b: &[u8]) -> Option<usize> {
    // The usual ones first.
    if b.starts_with(b"https:") {
        return Some(6);
    }
    if b.starts_with(b"http:") {
        return Some(5);
    }
    match b.first() {
        Some(c) if c.is_ascii_alphabetic() => {}
        _ => return None,
    }
    let mut pos = 1;
    while let Some(&c) = b.get(pos) {
        if class_of(c) & SCHEME == 0 {
            break;
        }
        pos += 1;
    }
    (b.get(pos) == Some(&b':')).then_some(pos + 1)
}

/// Whether `b` is a scheme, `:`, and any number of [`is_plain`] bytes
/// (`https://hub.grid.tf/a.flist`): the first, cheapest fast path.
///
/// `fluent_uri` accepts every such string. With `//` after the scheme, the authority
/// ends at the first `/` or `?` (or the end) and is made of `unreserved` and the
/// sub-delims `=` and `&`, all `reg-name` characters, with no `:` or `@`; the path that
/// follows is made of path characters up to the first `?`, and the query of query
/// characters (`/` and `?` included) up to the end. Without `//`, the same holds of the
/// path and query.
fn plain(b: &[u8], scheme_end: usize) -> bool {
    b.get(scheme_end..)
        .is_some_and(|rest| all_bytes(rest, is_plain))
}

/// Flag in [`CLASS`]: `scheme` characters after the first (`ALPHA / DIGIT / "+" / "-" / "."`).
const SCHEME: u8 = 1;
/// Flag in [`CLASS`]: `unreserved / sub-delims`, the `reg-name` characters other than
/// percent-encoded octets.
const REG_NAME: u8 = 2;
/// Flag in [`CLASS`]: path characters (`pchar / "/"`) other than percent-encoded octets.
const PATH: u8 = 4;
/// Flag in [`CLASS`]: query and fragment characters (`pchar / "/" / "?"`) other than
/// percent-encoded octets.
const QUERY: u8 = 8;
/// Flag in [`CLASS`]: `HEXDIG`.
const HEXDIG: u8 = 16;

static CLASS: [u8; 256] = class();

const fn class() -> [u8; 256] {
    const fn mark(mut table: [u8; 256], bytes: &[u8], flags: u8) -> [u8; 256] {
        let mut i = 0;
        while i < bytes.len() {
            table[bytes[i] as usize] |= flags;
            i += 1;
        }
        table
    }
    let alpha = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let digit = b"0123456789";
    let mut t = [0u8; 256];
    t = mark(t, alpha, SCHEME | REG_NAME | PATH | QUERY);
    t = mark(t, digit, SCHEME | REG_NAME | PATH | QUERY | HEXDIG);
    t = mark(t, b"ABCDEFabcdef", HEXDIG);
    t = mark(t, b"+-.", SCHEME);
    // The rest of unreserved, and sub-delims.
    t = mark(t, b"-._~!$&'()*+,;=", REG_NAME | PATH | QUERY);
    t = mark(t, b":@/", PATH | QUERY);
    t = mark(t, b"?", QUERY);
    t
}

#[inline(always)]
fn class_of(c: u8) -> u8 {
    CLASS[usize::from(c)]
}

/// Reads the bytes of class `flag` and well-formed percent-encoded octets from `pos`;
/// returns where they stop, or `None` at a `%` not followed by two hex digits.
#[inline(always)]
fn read(b: &[u8], mut pos: usize, flag: u8) -> Option<usize> {
    while let Some(&c) = b.get(pos) {
        if class_of(c) & flag != 0 {
            pos += 1;
        } else if c == b'%' {
            match (b.get(pos + 1), b.get(pos + 2)) {
                (Some(&hi), Some(&lo)) if class_of(hi) & class_of(lo) & HEXDIG != 0 => pos += 3,
                _ => return None,
            }
        } else {
            break;
        }
    }
    Some(pos)
}

/// Whether `b` is `scheme ":" ["//" authority] path ["?" query] ["#" fragment]` with an
/// authority of `reg-name` characters (no `%`) and at most one `:` followed by digits
/// only: no userinfo (`@`) and no IP literal (`[`).
///
/// This follows `fluent_uri`'s parser (`parse.rs`, with the URI constraints: ASCII only,
/// scheme required) step by step, so `fluent_uri` accepts every such string:
/// - the scheme is the whole run of scheme characters, it starts with a letter and is
///   followed by `:`;
/// - after `//` the parser reads the whole run of `userinfo` characters, a superset of
///   ours that excludes the `/`, `?` or `#` (or end) our authority stops at, so it sees
///   the same authority, not followed by `@`; an empty authority is an empty host, and
///   with one colon everything after it must be digits, as we check;
/// - then the path (which starts with `/`, or is empty, after an authority), query and
///   fragment are read exactly as here, and nothing may follow them.
///
/// `false` means "not sure": userinfo, IP literals, percent-encoding in the authority
/// and invalid strings go to `fluent_uri`.
fn fast_accept(b: &[u8], scheme_end: usize) -> bool {
    let mut pos = scheme_end;
    // Authority.
    if b.get(pos..).is_some_and(|rest| rest.starts_with(b"//")) {
        pos += 2;
        let mut colon = None;
        while let Some(&c) = b.get(pos) {
            if class_of(c) & REG_NAME != 0 {
                pos += 1;
            } else if c == b':' && colon.is_none() {
                colon = Some(pos);
                pos += 1;
            } else {
                break;
            }
        }
        if !matches!(b.get(pos), None | Some(b'/' | b'?' | b'#')) {
            return false;
        }
        if let Some(colon) = colon {
            match b.get(colon + 1..pos) {
                Some(port) if port.iter().all(u8::is_ascii_digit) => {}
                _ => return false,
            }
        }
    }
    // Path, query, fragment.
    let Some(mut pos) = read(b, pos, PATH) else {
        return false;
    };
    if b.get(pos) == Some(&b'?') {
        match read(b, pos + 1, QUERY) {
            Some(end) => pos = end,
            None => return false,
        }
    }
    if b.get(pos) == Some(&b'#') {
        match read(b, pos + 1, QUERY) {
            Some(end) => pos = end,
            None => return false,
        }
    }
    pos == b.len()
}
