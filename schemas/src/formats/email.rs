//! E-mail addresses: a fast path for plain ASCII `local@domain`, `email_address` for
//! the rest.

use super::scan::{all_pairs, contains_byte, is_alnum};

/// `email_address::EmailAddress::is_valid(s)`.
pub(super) fn is_email(s: &str) -> bool {
    let b = s.as_bytes();
    // Without an `@` anywhere there is nothing `rsplit_once('@')` could split, with or
    // without a display name: `email_address` rejects the string.
    let Some(at) = b.iter().position(|&c| c == b'@') else {
        return false;
    };
    fast_accept(b, at) || email_address::EmailAddress::is_valid(s)
}

/// Whether `c` may appear in an address on the fast path: an ASCII letter or digit,
/// `` ` ``, `@`, `+`, `-`, `.`, `/` or `_` (all but `.` and `@` are `atext`).
#[inline(always)]
fn is_plain(c: u8) -> bool {
    // `(c | 0x20)` is 0x60 to 0x7A for `@`, letters and `` ` ``; `-`, `.`, `/` and the
    // digits are 0x2D to 0x39.
    ((c | 0x20).wrapping_sub(0x60) <= 0x1A)
        | (c.wrapping_sub(b'-') <= b'9' - b'-')
        | (c == b'+')
        | (c == b'_')
}

/// Whether `b`, whose first `@` is at `at`, is `local@domain` made of ASCII letters,
/// digits, `` ` ``, `+`, `-`, `.`, `/` and `_`, where the first and last bytes and
/// both neighbours of every `.` and of the only `@` are letters or digits, the local
/// part is at most 64 bytes, the domain at most 254 and every domain label at most 63.
///
/// `email_address` (default options, `parse_address`) accepts every such string: with
/// no space there is no display-name separator (`" <"`); the only `@` is where
/// `rsplit_once('@')` splits; the local part is not quoted and does not start with
/// `<`, so it is checked as a dot-atom, non-empty runs of `atext` between dots (ours
/// are all `atext` and start and end with letters or digits), of at most 64 bytes; the
/// domain is not a `[literal]`, so its labels must be non-empty, start and end with an
/// alphanumeric character (the neighbours of `@`, of the dots and the last byte), be
/// at most 63 bytes and be all `atext`, and the whole at most 254 bytes. `false` means
/// "not sure": other `atext` characters, dots next to other than letters or digits,
/// quoted local parts, domain literals, display names, non-ASCII text and invalid
/// strings go to `email_address`.
fn fast_accept(b: &[u8], at: usize) -> bool {
    let (Some(&first), Some(&last), Some(domain)) = (b.first(), b.last(), b.get(at + 1..)) else {
        return false;
    };
    at <= 64
        && domain.len() <= 254
        && is_alnum(first)
        && is_alnum(last)
        && all_pairs(b, |x, y| {
            // Two neighbours that are not letters or digits may not include a `.` or `@`.
            let x_sep = (x == b'.') | (x == b'@');
            let y_sep = (y == b'.') | (y == b'@');
            is_plain(y) & ((is_alnum(x) | is_alnum(y)) | !(x_sep | y_sep))
        })
        && !contains_byte(domain, b'@')
        && (domain.len() <= 63 || domain.split(|&c| c == b'.').all(|label| label.len() <= 63))
}
