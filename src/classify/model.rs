//! The compact model: pruned, 8-bit quantised weights of every head in one feature table, and
//! its versioned binary format with a checksum.
//!
//! Layout (little-endian):
//! ```text
//! "HDAI" | u16 format version | u8 feature bits | u8 flags (bit 0: char n-grams) | u8 heads
//! per head:  u8 name length, name | u8 classes | per class: u8 length, label
//!            | f32 quantisation scale | f32 temperature
//! u32 rows | per row (ascending feature index): varint index delta, then one i8 per class of
//!            every head, heads in order
//! u32 CRC-32 of everything before it
//! ```

use super::features::{FeatureConfig, SparseVector};
use super::linear::{softmax, LinearModel};
use rustc_hash::FxHashMap;
use std::fmt;

const MAGIC: &[u8; 4] = b"HDAI";
/// The binary format version this build reads and writes.
pub const FORMAT_VERSION: u16 = 1;

/// Model bytes that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes do not start with the model magic: not a helpdesk-ai model.
    NotAModel,
    /// A model of another format version.
    Version {
        /// The version in the bytes.
        found: u16,
        /// The version this build reads.
        expected: u16,
    },
    /// The checksum does not match: the bytes were corrupted or truncated.
    Checksum,
    /// The bytes end early or hold impossible values.
    Malformed(&'static str),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotAModel => write!(f, "not a helpdesk-ai model (bad magic bytes)"),
            ModelError::Version { found, expected } => {
                write!(f, "model format version {found} is not supported (this build reads version {expected})")
            }
            ModelError::Checksum => write!(f, "model checksum mismatch: the file is corrupted or truncated"),
            ModelError::Malformed(what) => write!(f, "malformed model: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// One head of the compact model.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadInfo {
    /// `category`, `area`, `priority`, `complexity`, `intent` …
    pub name: String,
    /// Class labels, in output order.
    pub classes: Vec<String>,
    /// Multiply an `i8` weight by this to get the trained weight.
    pub scale: f32,
    /// Softmax temperature fitted on held-out data (1.0 = uncalibrated).
    pub temperature: f32,
    offset: usize,
}

/// The inference model: every head's weights, pruned and quantised, in one table.
#[derive(Debug, Clone, PartialEq)]
pub struct CompactModel {
    /// How features are made (must match training).
    pub config: FeatureConfig,
    /// The heads.
    pub heads: Vec<HeadInfo>,
    row_len: usize,
    /// Feature index → row number.
    index: FxHashMap<u32, u32>,
    /// Rows in index order, `row_len` weights each.
    weights: Vec<i8>,
    /// Feature indexes in row order (for writing).
    features: Vec<u32>,
}

impl CompactModel {
    /// Compresses trained heads: keeps the `max_rows` features with the largest weights and
    /// quantises each head to `i8` with its own scale.
    pub fn from_dense(config: FeatureConfig, heads: &[(String, &LinearModel, f32)], max_rows: usize) -> Self {
        let dim = config.dim();
        let row_len: usize = heads.iter().map(|(_, m, _)| m.classes.len()).sum();
        let scales: Vec<f32> = heads
            .iter()
            .map(|(_, m, _)| m.max_abs_weight() / 127.0)
            .map(|s| if s > 0.0 { s } else { 1.0 })
            .collect();
        // Importance of a feature: its largest weight relative to its head's range.
        let mut importance: Vec<(u32, f32)> = (0..dim)
            .map(|f| {
                let imp = heads
                    .iter()
                    .zip(&scales)
                    .map(|((_, m, _), s)| m.row(f).iter().fold(0f32, |a, w| a.max(w.abs())) / s)
                    .fold(0f32, f32::max);
                (f as u32, imp)
            })
            .filter(|&(_, imp)| imp >= 0.5) // rounds to a non-zero i8 somewhere
            .collect();
        importance.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        importance.truncate(max_rows);
        let mut features: Vec<u32> = importance.into_iter().map(|(f, _)| f).collect();
        features.sort_unstable();

        let mut weights = Vec::with_capacity(features.len() * row_len);
        for &f in &features {
            for ((_, m, _), s) in heads.iter().zip(&scales) {
                for w in m.row(f as usize) {
                    weights.push((w / s).round().clamp(-127.0, 127.0) as i8);
                }
            }
        }
        let mut offset = 0;
        let infos = heads
            .iter()
            .zip(&scales)
            .map(|((name, m, t), s)| {
                let info = HeadInfo { name: name.clone(), classes: m.classes.clone(), scale: *s, temperature: *t, offset };
                offset += m.classes.len();
                info
            })
            .collect();
        let index = features.iter().enumerate().map(|(r, &f)| (f, r as u32)).collect();
        CompactModel { config, heads: infos, row_len, index, weights, features }
    }

    /// The number of feature rows kept.
    pub fn rows(&self) -> usize {
        self.features.len()
    }

    /// Logits of every head for a feature vector, concatenated in head order.
    pub fn logits(&self, x: &SparseVector) -> Vec<f32> {
        let mut z = vec![0f32; self.row_len];
        for &(f, v) in x {
            if let Some(&r) = self.index.get(&f) {
                let row = &self.weights[r as usize * self.row_len..(r as usize + 1) * self.row_len];
                for (zc, &w) in z.iter_mut().zip(row) {
                    *zc += f32::from(w) * v;
                }
            }
        }
        for head in &self.heads {
            for zc in &mut z[head.offset..head.offset + head.classes.len()] {
                *zc *= head.scale;
            }
        }
        z
    }

    /// How much each feature of `x` adds to one class's logit of one head (before the
    /// temperature): `(feature index, amount)` for the features the model kept.
    pub fn contributions(&self, x: &SparseVector, head: usize, class: usize) -> Vec<(u32, f32)> {
        let Some(h) = self.heads.get(head).filter(|h| class < h.classes.len()) else { return Vec::new() };
        x.iter()
            .filter_map(|&(f, v)| {
                let r = *self.index.get(&f)? as usize;
                let w = self.weights[r * self.row_len + h.offset + class];
                (w != 0).then(|| (f, f32::from(w) * h.scale * v))
            })
            .collect()
    }

    /// Calibrated probabilities of one head, from [`CompactModel::logits`].
    pub fn probabilities(&self, head: usize, logits: &[f32]) -> Vec<f32> {
        let h = &self.heads[head];
        softmax(&logits[h.offset..h.offset + h.classes.len()], h.temperature)
    }

    /// Replaces a head's temperature (calibration).
    pub fn set_temperature(&mut self, head: usize, temperature: f32) {
        if let Some(h) = self.heads.get_mut(head) {
            h.temperature = temperature;
        }
    }

    /// Writes the model in the binary format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len() + self.features.len() * 3);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.push(self.config.bits);
        out.push(u8::from(self.config.char_ngrams));
        out.push(self.heads.len() as u8);
        for h in &self.heads {
            push_str(&mut out, &h.name);
            out.push(h.classes.len() as u8);
            for c in &h.classes {
                push_str(&mut out, c);
            }
            out.extend_from_slice(&h.scale.to_le_bytes());
            out.extend_from_slice(&h.temperature.to_le_bytes());
        }
        out.extend_from_slice(&(self.features.len() as u32).to_le_bytes());
        let mut previous = 0u32;
        for (r, &f) in self.features.iter().enumerate() {
            push_varint(&mut out, f - previous);
            previous = f;
            out.extend(self.weights[r * self.row_len..(r + 1) * self.row_len].iter().map(|&w| w as u8));
        }
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Reads a model written by [`CompactModel::to_bytes`]; any damage is a clear error.
    ///
    /// ```
    /// use helpdesk_ai::classify::{CompactModel, ModelError};
    /// assert_eq!(CompactModel::from_bytes(b"GIF89a..."), Err(ModelError::NotAModel));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        if bytes.len() < 6 {
            return Err(ModelError::Malformed("ends inside the header"));
        }
        let version = u16::from_le_bytes([bytes[4], bytes[5]]);
        if version != FORMAT_VERSION {
            return Err(ModelError::Version { found: version, expected: FORMAT_VERSION });
        }
        if bytes.len() < 13 {
            return Err(ModelError::Malformed("ends inside the header"));
        }
        let (body, crc) = bytes.split_at(bytes.len() - 4);
        if crc32fast::hash(body) != u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader { bytes: body, pos: 6 };
        let bits = r.u8()?;
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Malformed("feature bits outside 8..=24"));
        }
        let config = FeatureConfig { bits, char_ngrams: r.u8()? & 1 == 1 };
        let n_heads = r.u8()? as usize;
        let mut heads = Vec::with_capacity(n_heads);
        let mut offset = 0;
        for _ in 0..n_heads {
            let name = r.string()?;
            let n_classes = r.u8()? as usize;
            if n_classes == 0 {
                return Err(ModelError::Malformed("a head without classes"));
            }
            let classes = (0..n_classes).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
            let scale = r.f32()?;
            let temperature = r.f32()?;
            if !(scale.is_finite() && temperature.is_finite() && temperature > 0.0) {
                return Err(ModelError::Malformed("scale or temperature is not a positive finite number"));
            }
            heads.push(HeadInfo { name, classes, scale, temperature, offset });
            offset += n_classes;
        }
        let row_len = offset;
        let rows = r.u32()? as usize;
        if rows.saturating_mul(row_len + 1) > body.len() {
            return Err(ModelError::Malformed("more rows than the bytes can hold"));
        }
        let mut features = Vec::with_capacity(rows);
        let mut weights = Vec::with_capacity(rows * row_len);
        let mut feature = 0u32;
        for i in 0..rows {
            let delta = r.varint()?;
            if i > 0 && delta == 0 {
                return Err(ModelError::Malformed("feature indexes are not increasing"));
            }
            feature = feature.checked_add(delta).ok_or(ModelError::Malformed("feature index overflows"))?;
            if feature as usize >= config.dim() {
                return Err(ModelError::Malformed("feature index outside the feature space"));
            }
            features.push(feature);
            weights.extend(r.take(row_len)?.iter().map(|&b| b as i8));
        }
        if r.pos != body.len() {
            return Err(ModelError::Malformed("trailing bytes after the last row"));
        }
        let index = features.iter().enumerate().map(|(r, &f)| (f, r as u32)).collect();
        Ok(CompactModel { config, heads, row_len, index, weights, features })
    }
}

fn push_str(out: &mut Vec<u8>, s: &str) {
    let bytes = &s.as_bytes()[..s.len().min(255)];
    out.push(bytes.len() as u8);
    out.extend_from_slice(bytes);
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or(ModelError::Malformed("ends early"))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn string(&mut self) -> Result<String, ModelError> {
        let n = self.u8()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| ModelError::Malformed("a label is not UTF-8"))
    }
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u32::from(b & 0x7f).checked_shl(shift).ok_or(ModelError::Malformed("varint too long"))?;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Malformed("varint too long"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::linear::{LinearModel, TrainOptions};

    fn tiny() -> CompactModel {
        let data: Vec<(SparseVector, usize)> =
            (0..30).map(|i| (vec![(i % 3, 1.0), (7, 0.3)], (i % 3) as usize)).collect();
        let classes = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        let config = FeatureConfig { bits: 8, char_ngrams: true };
        let m = LinearModel::train(classes, config.dim(), &data, &TrainOptions::default());
        CompactModel::from_dense(config, &[("category".to_string(), &m, 1.3)], 1000)
    }

    #[test]
    fn round_trips_and_predicts_the_same() {
        let m = tiny();
        let bytes = m.to_bytes();
        let back = CompactModel::from_bytes(&bytes).unwrap();
        assert_eq!(back, m);
        let x = vec![(1, 1.0)];
        assert_eq!(back.logits(&x), m.logits(&x));
        assert_eq!(back.heads[0].temperature, 1.3);
        let p = back.probabilities(0, &back.logits(&x));
        assert!(p[1] > p[0] && p[1] > p[2]);
    }

    #[test]
    fn damage_is_a_clear_error_never_a_panic() {
        let bytes = tiny().to_bytes();
        let mut flipped = bytes.clone();
        flipped[20] ^= 0x40;
        assert_eq!(CompactModel::from_bytes(&flipped), Err(ModelError::Checksum));
        let mut newer = bytes.clone();
        newer[4] = 9;
        assert_eq!(CompactModel::from_bytes(&newer), Err(ModelError::Version { found: 9, expected: FORMAT_VERSION }));
        for cut in 0..bytes.len() {
            assert!(CompactModel::from_bytes(&bytes[..cut]).is_err(), "truncated at {cut}");
        }
        assert_eq!(CompactModel::from_bytes(b""), Err(ModelError::NotAModel));
    }
}
