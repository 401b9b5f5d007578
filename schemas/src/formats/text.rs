//! Host names, hex and base64: complete single-pass checks over the bytes.

use super::scan::{all_bytes, all_pairs, is_alnum};

/// The base64 value of each byte in the standard alphabet, or [`INVALID`].
static BASE64_VALUES: [u8; 256] = base64_values();

/// Marks a byte outside the base64 alphabet in [`BASE64_VALUES`] (the high bit).
const INVALID: u8 = 0x80;

const fn base64_values() -> [u8; 256] {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < alphabet.len() {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table
}

/// Whether `c` is in the standard base64 alphabet (padding excluded), branch-free.
#[inline(always)]
fn is_base64_symbol(c: u8) -> bool {
    is_alnum(c) | (c == b'+') | (c == b'/')
}

/// `base64::engine::general_purpose::STANDARD.decode(s).is_ok()`, without decoding.
///
/// The STANDARD engine requires canonical padding and rejects trailing bits, so a
/// string decodes if and only if:
/// - its length is a multiple of 4 (the empty string decodes to nothing);
/// - every byte but the last 4 is in the alphabet;
/// - the last quad is `xxxx`, `xxx=` with the low 2 bits of the third value zero, or
///   `xx==` with the low 4 bits of the second value zero (`=` elsewhere, `x===`, and
///   symbols encoding bits past the last byte, like `QR==` or `QUF=`, are rejected).
pub(super) fn is_base64(b: &[u8]) -> bool {
    if b.len() % 4 != 0 {
        return false;
    }
    let Some((body, &[c0, c1, c2, c3])) = b.split_last_chunk::<4>() else {
        return b.is_empty();
    };
    let v = |c: u8| BASE64_VALUES[usize::from(c)];
    let (v0, v1, v2, v3) = (v(c0), v(c1), v(c2), v(c3));
    let quad_ok = if ((v0 | v1) & INVALID) != 0 {
        false
    } else if c3 != b'=' {
        ((v2 | v3) & INVALID) == 0
    } else if c2 != b'=' {
        (v2 & (INVALID | 0b11)) == 0
    } else {
        (v1 & 0b1111) == 0
    };
    quad_ok && all_bytes(body, is_base64_symbol)
}

/// Whether `b` is an even number of ASCII hex digits.
pub(super) fn is_hex(b: &[u8]) -> bool {
    b.len() % 2 == 0 && all_bytes(b, |c| c.is_ascii_hexdigit())
}

/// Whether `b` is a host name: labels of 1 to 63 ASCII letters, digits and `-`, not
/// starting or ending with `-`, separated by single dots; 1 to 253 bytes.
///
/// Equivalently: the first and last bytes are letters or digits, every byte is a
/// letter, digit, `-` or `.`, both neighbours of every `.` are letters or digits (so no
/// label is empty or starts or ends with `-`), and, which needs checking only past 63
/// bytes, no run of bytes between dots is longer than 63.
pub(super) fn is_hostname(b: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    b.len() <= 253
        && is_alnum(first)
        && is_alnum(last)
        && all_pairs(b, |x, y| {
            let (x_alnum, y_alnum) = (is_alnum(x), is_alnum(y));
            let (x_dot, y_dot) = (x == b'.', y == b'.');
            (y_alnum | y_dot | (y == b'-')) & (!x_dot | y_alnum) & (!y_dot | x_alnum)
        })
        && (b.len() <= 63 || b.split(|&c| c == b'.').all(|label| label.len() <= 63))
}
