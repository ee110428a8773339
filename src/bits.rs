//! Bit masks of byte tests, for scanning a text a block at a time: the tests are made on every
//! byte of a block at once (a loop the compiler turns into vector instructions), then packed
//! into one bit a byte. Shifting each test's result into the mask one at a time compiled to lane
//! shuffles instead, several times as slow (see `fold::plain_run_end`, `lines::break_mask`).

/// Bit `k` set where `flags[k]` is 1 (every flag is 0 or 1), for up to 64 flags.
#[inline]
pub fn packed<const N: usize>(flags: &[u8; N]) -> u64 {
    const { assert!(N <= 64 && N.is_multiple_of(8)) };
    let mut mask = 0u64;
    for (k, eight) in flags.chunks_exact(8).enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        // Byte j of the word (0 or 1) times bit 56 - 7j of the constant lands on bit 56 + j,
        // and every other product of a byte and a bit lands on its own bit below 56 or past 63:
        // no carry reaches the top byte, which is the eight flags.
        mask |= (u64::from_le_bytes(word).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_every_pattern_of_eight_at_every_place() {
        for pattern in 0..=255u8 {
            for at in 0..8 {
                let mut flags = [0u8; 64];
                for j in 0..8 {
                    flags[at * 8 + j] = (pattern >> j) & 1;
                }
                assert_eq!(packed(&flags), u64::from(pattern) << (8 * at));
            }
        }
        let flags: [u8; 64] = std::array::from_fn(|k| u8::from(k % 3 == 0));
        let want = (0..64).filter(|k| k % 3 == 0).fold(0u64, |m, k| m | 1 << k);
        assert_eq!(packed(&flags), want);
        assert_eq!(packed(&[1u8; 32]), u64::from(u32::MAX));
    }
}
