//! RFC 3339 date-times: a fast path for the usual shape, `chrono` for the rest.

/// `chrono::DateTime::parse_from_rfc3339(s).is_ok()`.
pub(super) fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    // `parse_rfc3339` rejects anything shorter than `YYYY-MM-DDTHH:MM:SS` first thing.
    b.len() >= 19 && (fast_accept(b) || chrono::DateTime::parse_from_rfc3339(s).is_ok())
}

/// The value of two ASCII decimal digits, or `None`.
#[inline(always)]
fn two_digits(hi: u8, lo: u8) -> Option<u32> {
    let (hi, lo) = (hi.wrapping_sub(b'0'), lo.wrapping_sub(b'0'));
    (hi <= 9 && lo <= 9).then_some(u32::from(hi) * 10 + u32::from(lo))
}

/// The number of days in `month` (1 to 12) of the proleptic Gregorian `year`.
#[inline(always)]
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `0xFF` in every byte of a little-endian word at the given positions.
const fn byte_mask(positions: &[u32]) -> u64 {
    let mut mask = 0;
    let mut i = 0;
    while i < positions.len() {
        mask |= 0xFF << (8 * positions[i]);
        i += 1;
    }
    mask
}

/// `0x01` in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;

/// Whether the bytes of `w` selected by `mask` (`0xFF` bytes) are all ASCII digits:
/// their high nibble is 3 both as they are and with 6 added (which carries out of
/// `0x3A` to `0x3F`). A byte of `0xFA` or more carries into the next byte when 6 is
/// added, but it already fails the first test.
#[inline(always)]
fn digits_at(w: u64, mask: u64) -> bool {
    let high = mask & (0xF0 * ONES);
    let three = mask & (0x30 * ONES);
    (w & high) == three && (w.wrapping_add(mask & (0x06 * ONES)) & high) == three
}

/// For a word of ASCII digits, byte `k` of the result (for `k < 7`) is the two-digit
/// number made of bytes `k` and `k + 1`; neither the products nor the sums overflow a
/// byte.
#[inline(always)]
fn pairs_value(w: u64) -> u64 {
    let v = w & (0x0F * ONES);
    v.wrapping_mul(10).wrapping_add(v >> 8)
}

/// Byte `k` of `w`.
#[inline(always)]
fn byte(w: u64, k: u32) -> u32 {
    ((w >> (8 * k)) & 0xFF) as u32
}

/// Whether `b` is `YYYY-MM-DD(T|t| )HH:MM:SS[.D+](Z|z|(+|-)HH:MM)` naming a real
/// instant with seconds below 60. Every such string is accepted by `chrono`'s RFC 3339
/// parser (`format::parse::parse_rfc3339`), which reads exactly these fields:
/// a four-digit year (0 to 9999, all representable), a month and day making a valid
/// date, one of `T`, `t` or space, hours below 24, minutes and seconds below 60, an
/// optional `.` followed by one or more digits (the first nine are nanoseconds, the
/// rest are skipped), and `Z`/`z` or a signed `HH:MM` offset with hours below 24 and
/// minutes below 60, and nothing after it. `false` means "not sure": leap seconds,
/// the U+2212 minus sign and every invalid string go to `chrono`.
///
/// The first 16 bytes (`YYYY-MM-DDTHH:MM`) are checked as two words.
fn fast_accept(b: &[u8]) -> bool {
    // "YYYY-MM-": digits at 0-3, 5, 6; '-' at 4 and 7.
    const DATE_DIGITS: u64 = byte_mask(&[0, 1, 2, 3, 5, 6]);
    const DATE_SEPS: u64 = byte_mask(&[4, 7]);
    const DATE_SEP_VALUES: u64 = (b'-' as u64) << 32 | (b'-' as u64) << 56;
    // "DDTHH:MM": digits at 0, 1, 3, 4, 6, 7; 'T', 't' or ' ' at 2; ':' at 5.
    const TIME_DIGITS: u64 = byte_mask(&[0, 1, 3, 4, 6, 7]);
    const TIME_SEPS: u64 = byte_mask(&[5]);
    const TIME_SEP_VALUES: u64 = (b':' as u64) << 40;

    let Some((head, rest)) = b.split_first_chunk::<16>() else {
        return false;
    };
    let (Some(date), Some(time)) = (head.first_chunk::<8>(), head.last_chunk::<8>()) else {
        return false;
    };
    let (date, time) = (u64::from_le_bytes(*date), u64::from_le_bytes(*time));
    if !(digits_at(date, DATE_DIGITS)
        && (date & DATE_SEPS) == DATE_SEP_VALUES
        && digits_at(time, TIME_DIGITS)
        && (time & TIME_SEPS) == TIME_SEP_VALUES
        && matches!(byte(time, 2) as u8, b'T' | b't' | b' '))
    {
        return false;
    }
    let (date, time) = (pairs_value(date), pairs_value(time));
    let year = byte(date, 0) * 100 + byte(date, 2);
    let (month, day) = (byte(date, 5), byte(time, 0));
    let (hour, minute) = (byte(time, 3), byte(time, 6));
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
    {
        return false;
    }
    // ":SS", then the fraction of a second and the offset.
    let rest = match *rest {
        [b':', s0, s1, ref rest @ ..] if two_digits(s0, s1).is_some_and(|s| s < 60) => rest,
        _ => return false,
    };
    let rest = match rest {
        [b'.', frac @ ..] => {
            let mut tail = frac;
            while let [b'0'..=b'9', after @ ..] = tail {
                tail = after;
            }
            if tail.len() == frac.len() {
                return false;
            }
            tail
        }
        _ => rest,
    };
    match *rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h0, h1, b':', m0, m1] => {
            matches!((two_digits(h0, h1), two_digits(m0, m1)), (Some(h), Some(m)) if h < 24 && m < 60)
        }
        _ => false,
    }
}
