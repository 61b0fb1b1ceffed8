//! Eight bytes at a time ("SWAR"): what the byte walks of the lexicon scan and the date
//! walk share to load a word of text and test its bytes without a branch per byte, and
//! the gathering of byte flags into bits that the 16-byte passes of the key and of
//! `word_bits` share.

/// `0x01` in every byte.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// Eight bytes from `i`, little-endian, zero-padded past the end (and zero from the end
/// on).
#[inline(always)]
pub(crate) fn load8(b: &[u8], i: usize) -> u64 {
    match b.get(i..i + 8) {
        Some(w) => u64::from_le_bytes(w.try_into().unwrap_or([0; 8])),
        None => {
            let mut buf = [0u8; 8];
            let rest = b.get(i..).unwrap_or_default();
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    }
}

/// The high bit of every byte of `x7` (bytes below 0x80) that is at least `k` (at most
/// 0x80).
#[inline(always)]
pub(crate) fn ge(x7: u64, k: u8) -> u64 {
    x7.wrapping_add(LO * u64::from(0x80 - k)) & HI
}

/// Gathers the high bits of the eight bytes of `m` (each `0x80` or `0`) into a byte:
/// bit `k` is the high bit of byte `k`.
#[inline(always)]
pub(crate) fn gather(m: u64) -> u64 {
    // (`m >> 7` has its bits at 0, 8, …, 56: the product sends bit 8k to bit 56 + k and
    // every other term of it below bit 56 or above bit 63, with no carries.)
    (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// [`gather`] of sixteen bytes: bit `k` is the high bit of `m[k]`. (The 16-byte passes
/// of the key and of `word_bits` flag bytes in arrays the compiler makes vectors of,
/// then gather the flags with this.)
#[inline(always)]
pub(crate) fn gather16(m: &[u8; 16]) -> u64 {
    let (lo, hi) = m.split_at(8);
    let half = |h: &[u8]| u64::from_le_bytes(h.try_into().unwrap_or([0; 8]));
    gather(half(lo)) | gather(half(hi)) << 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load8_pads_with_zeros() {
        let b = b"abcdefghij";
        assert_eq!(load8(b, 0), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(load8(b, 8), u64::from_le_bytes(*b"ij\0\0\0\0\0\0"));
        assert_eq!(load8(b, 10), 0);
        assert_eq!(load8(b, 11), 0);
    }

    #[test]
    fn gather_takes_the_high_bit_of_each_byte() {
        for m in 0..=255u64 {
            let spread = (0..8).filter(|k| m >> k & 1 != 0).map(|k| 0x80u64 << (8 * k)).sum();
            assert_eq!(gather(spread), m);
        }
        let flags: [u8; 16] = std::array::from_fn(|k| if k % 3 == 0 { 0x80 } else { 0 });
        assert_eq!(gather16(&flags), (0..16).filter(|k| k % 3 == 0).map(|k| 1u64 << k).sum::<u64>());
    }

    #[test]
    fn ge_flags_the_bytes_at_least_k() {
        for k in 0..=0x80u8 {
            for x in 0..0x80u8 {
                let v = u64::from(x) << 16;
                assert_eq!(ge(v, k) & (0x80 << 16) != 0, x >= k, "{x} >= {k}");
            }
        }
    }
}
