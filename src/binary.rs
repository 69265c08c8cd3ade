//! Little-endian binary writing and bounds-checked reading, shared by the model and index
//! formats. A reader never panics: every read past the end, impossible length or invalid UTF-8
//! is an error naming what went wrong.
// The model format (triage) uses the fixed-width and short-string parts.
#![cfg_attr(not(feature = "triage"), allow(dead_code))]

/// The CRC-32 (IEEE 802.3, as zlib and PNG use it) of `bytes`: the checksum of the model and
/// index formats.
///
/// Why not `crc32fast`: its slice-by-16 tables are 16 KB of incompressible data in the browser
/// package; one 1 KB table built at compile time checks a 50k-article index (71 MB) in well under
/// a second, next to the seconds it takes to load. `tests` checks it against the crate.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| CRC_TABLE[usize::from((crc as u8) ^ b)] ^ (crc >> 8))
}

/// The CRC of each byte value, for the reflected polynomial 0xEDB88320.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// A bounds-checked cursor over bytes.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Reads `bytes` from `pos`.
    pub(crate) fn new(bytes: &'a [u8], pos: usize) -> Self {
        Reader { bytes, pos }
    }

    /// Bytes not read yet.
    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("ends early")?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, &'static str> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn u32(&mut self) -> Result<u32, &'static str> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub(crate) fn f32(&mut self) -> Result<f32, &'static str> {
        Ok(f32::from_bits(self.u32()?))
    }

    /// A string of at most 255 bytes, its length in one byte.
    pub(crate) fn short_str(&mut self) -> Result<String, &'static str> {
        let n = self.u8()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "a string is not UTF-8")
    }

    /// A string with a varint length.
    pub(crate) fn str(&mut self) -> Result<&'a str, &'static str> {
        let n = self.varint()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| "a string is not UTF-8")
    }

    /// A count of items that each take at least `min_bytes`: more than the bytes left can hold
    /// is an error, so a hostile count never makes a huge allocation.
    pub(crate) fn count(&mut self, min_bytes: usize) -> Result<usize, &'static str> {
        let n = self.varint()? as usize;
        if n.saturating_mul(min_bytes.max(1)) > self.remaining() {
            return Err("a count larger than the bytes can hold");
        }
        Ok(n)
    }

    /// An unsigned LEB128 integer of at most 32 bits.
    pub(crate) fn varint(&mut self) -> Result<u32, &'static str> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u32::from(b & 0x7f).checked_shl(shift).ok_or("varint too long")?;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("varint too long")
    }
}

/// Appends an unsigned LEB128 integer.
pub(crate) fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Appends a string of at most 255 bytes (longer ones are cut at a character boundary), its
/// length in one byte.
pub(crate) fn push_short_str(out: &mut Vec<u8>, s: &str) {
    let mut end = s.len().min(255);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    out.push(end as u8);
    out.extend_from_slice(&s.as_bytes()[..end]);
}

/// Appends a string with a varint length.
pub(crate) fn push_str(out: &mut Vec<u8>, s: &str) {
    push_varint(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn crc32_is_the_ieee_crc(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            prop_assert_eq!(super::crc32(&bytes), crc32fast::hash(&bytes));
        }
    }

    #[test]
    fn crc32_check_value() {
        assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn round_trips_and_refuses_damage() {
        let mut out = Vec::new();
        push_varint(&mut out, 300);
        push_str(&mut out, "пароль");
        push_short_str(&mut out, "ok");
        let mut r = Reader::new(&out, 0);
        assert_eq!(r.varint(), Ok(300));
        assert_eq!(r.str(), Ok("пароль"));
        assert_eq!(r.short_str().as_deref(), Ok("ok"));
        assert_eq!(r.remaining(), 0);
        assert!(r.u8().is_err());
        let mut r = Reader::new(&[0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 0);
        assert!(r.varint().is_err());
        let mut r = Reader::new(&[0x7f], 0);
        assert!(r.count(1).is_err(), "127 items cannot fit in 0 bytes");
    }
}
