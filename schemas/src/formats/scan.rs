//! Byte scans shaped so that the compiler turns them into SIMD code: a predicate over
//! every byte (or every pair of neighbouring bytes) of a string, folded without early
//! exits over 16-byte blocks.
//!
//! Long strings are covered by whole blocks plus one last block overlapping the
//! previous one; strings of 4 to 16 bytes by their first and last 8 or 4 bytes (or
//! pairs), which may overlap too. Checking a byte (or a pair) twice does not change the
//! answer. The shapes here are the ones that measured fastest: other ways to assemble
//! short blocks made the compiler fall back to byte-by-byte code or stall on
//! store-to-load forwarding.

/// Block size, in bytes.
const BLOCK: usize = 16;

/// Whether `pred` holds for every byte of `block`.
#[inline(always)]
fn block_all<const N: usize>(block: &[u8; N], pred: impl Fn(u8) -> bool) -> bool {
    let mut ok = true;
    for &c in block {
        ok &= pred(c);
    }
    ok
}

/// Whether `pred(x[i], y[i])` holds for every `i`.
#[inline(always)]
fn blocks_all<const N: usize>(x: &[u8; N], y: &[u8; N], pred: impl Fn(u8, u8) -> bool) -> bool {
    let mut ok = true;
    for (&a, &b) in x.iter().zip(y) {
        ok &= pred(a, b);
    }
    ok
}

/// The `N` bytes of `b` from `at`, if `b` has that many bytes from there.
#[inline(always)]
fn chunk_at<const N: usize>(b: &[u8], at: usize) -> Option<&[u8; N]> {
    b.get(at..)?.first_chunk::<N>()
}

/// Whether `pred` holds for the `N` bytes of `b` from `at` (`false` if there are
/// fewer, which the callers never ask for).
#[inline(always)]
fn all_at<const N: usize>(b: &[u8], at: usize, pred: impl Fn(u8) -> bool) -> bool {
    chunk_at::<N>(b, at).is_some_and(|c| block_all(c, pred))
}

/// Whether `pred` holds for the `N` pairs of neighbouring bytes of `b` from `at`
/// (`false` if there are fewer, which the callers never ask for).
#[inline(always)]
fn pairs_at<const N: usize>(b: &[u8], at: usize, pred: impl Fn(u8, u8) -> bool) -> bool {
    match (chunk_at::<N>(b, at), chunk_at::<N>(b, at + 1)) {
        (Some(x), Some(y)) => blocks_all(x, y, pred),
        _ => false,
    }
}

/// The 8 bytes of `b` from `at` as a little-endian word (0 if there are fewer, which
/// the callers never ask for).
#[inline(always)]
fn word8(b: &[u8], at: usize) -> u128 {
    chunk_at::<8>(b, at).map_or(0, |w| u128::from(u64::from_le_bytes(*w)))
}

/// The 4 bytes of `b` from `at` as a little-endian word (0 if there are fewer, which
/// the callers never ask for).
#[inline(always)]
fn word4(b: &[u8], at: usize) -> u128 {
    chunk_at::<4>(b, at).map_or(0, |w| u128::from(u32::from_le_bytes(*w)))
}

/// Whether `pred` holds for every byte of `b`.
#[inline(always)]
pub(super) fn all_bytes(b: &[u8], pred: impl Fn(u8) -> bool + Copy) -> bool {
    let n = b.len();
    if n > BLOCK {
        let mut at = 0;
        while at + BLOCK <= n {
            // One branch per block (which also keeps the compiler from vectorizing
            // across blocks instead of within them).
            if !all_at::<BLOCK>(b, at, pred) {
                return false;
            }
            at += BLOCK;
        }
        // The last block, overlapping the previous one.
        all_at::<BLOCK>(b, n - BLOCK, pred)
    } else if n >= 8 {
        // The first and the last 8 bytes.
        all_at::<8>(b, 0, pred) & all_at::<8>(b, n - 8, pred)
    } else if n >= 4 {
        // The first and the last 4 bytes.
        all_at::<4>(b, 0, pred) & all_at::<4>(b, n - 4, pred)
    } else {
        let mut ok = true;
        for &c in b {
            ok &= pred(c);
        }
        ok
    }
}

/// Whether `pred(b[i], b[i + 1])` holds for every pair of neighbouring bytes of `b`.
#[inline(always)]
pub(super) fn all_pairs(b: &[u8], pred: impl Fn(u8, u8) -> bool + Copy) -> bool {
    let n = b.len();
    if n > BLOCK {
        let pairs = n - 1;
        let mut at = 0;
        while at + BLOCK <= pairs {
            if !pairs_at::<BLOCK>(b, at, pred) {
                return false;
            }
            at += BLOCK;
        }
        // The last block of pairs, overlapping the previous one.
        pairs_at::<BLOCK>(b, pairs - BLOCK, pred)
    } else if n >= 9 {
        // Pairs 0 to 7 and the last 8 pairs, as one block (assembled in registers).
        let x = word8(b, 0) | (word8(b, n - 9) << 64);
        let y = word8(b, 1) | (word8(b, n - 8) << 64);
        blocks_all(&x.to_le_bytes(), &y.to_le_bytes(), pred)
    } else if n >= 5 {
        // Pairs 0 to 3 and the last 4 pairs, twice, as one block.
        let x = word4(b, 0) | (word4(b, n - 5) << 32);
        let y = word4(b, 1) | (word4(b, n - 4) << 32);
        blocks_all(
            &(x | (x << 64)).to_le_bytes(),
            &(y | (y << 64)).to_le_bytes(),
            pred,
        )
    } else {
        let mut ok = true;
        let mut prev = b.first().copied();
        for &c in b.iter().skip(1) {
            if let Some(p) = prev {
                ok &= pred(p, c);
            }
            prev = Some(c);
        }
        ok
    }
}

/// Whether `c` occurs in `b`, 8 bytes at a time (as `memchr` does, without the call).
#[inline(always)]
pub(super) fn contains_byte(b: &[u8], c: u8) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let pattern = u64::from_le_bytes([c; 8]);
    // Whether the word at `at` has a byte equal to `c`, that is `w ^ pattern` has a zero
    // byte (the classic test, exact as a yes/no answer).
    let has_at = |at: usize| {
        chunk_at::<8>(b, at).is_some_and(|w| {
            let x = u64::from_le_bytes(*w) ^ pattern;
            (x.wrapping_sub(ONES) & !x & HIGHS) != 0
        })
    };
    let n = b.len();
    if n < 8 {
        return b.iter().fold(false, |found, &x| found | (x == c));
    }
    let mut found = false;
    let mut at = 0;
    while at + 8 <= n {
        found |= has_at(at);
        at += 8;
    }
    // The last word, overlapping the previous one.
    found | has_at(n - 8)
}

/// Whether `c` is an ASCII letter or digit, branch-free.
#[inline(always)]
pub(super) fn is_alnum(c: u8) -> bool {
    (c.wrapping_sub(b'0') < 10) | ((c | 0x20).wrapping_sub(b'a') < 26)
}
