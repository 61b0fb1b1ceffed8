//! Eight bytes at a time ("SWAR"): what the byte walks of the lexicon scan and the date
//! walk share to load a word of text and test its bytes without a branch per byte.

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
    fn ge_flags_the_bytes_at_least_k() {
        for k in 0..=0x80u8 {
            for x in 0..0x80u8 {
                let v = u64::from(x) << 16;
                assert_eq!(ge(v, k) & (0x80 << 16) != 0, x >= k, "{x} >= {k}");
            }
        }
    }
}
