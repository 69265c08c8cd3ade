//! The compact model: every head's weights pruned to the features that matter for that head and
//! quantised to a few bits, in a versioned binary format with a checksum.
//!
//! Each head keeps its own rows: a feature that decides the product area but says nothing about
//! priority costs nothing in the priority table. Weights are signed integers of `bits` bits
//! (4 by default) times the head's scale; the scale is chosen to minimise the quantisation
//! error, so the few very large weights are clamped rather than crushing every small one to
//! zero.
//!
//! Layout, version 2 (little-endian):
//! ```text
//! "HDAI" | u16 format version | u8 feature bits | u8 flags (bit 0: char n-grams) | u8 heads
//! per head:  u8 name length, name | u8 classes | per class: u8 length, label
//!            | f32 quantisation scale | f32 temperature | u8 weight bits (2..=8) | u32 rows
//! per head:  its rows' feature indexes as varint deltas (ascending), then its weights —
//!            rows × classes signed integers of `bits` bits, packed least-significant bit first,
//!            the last byte zero-padded
//! u32 CRC-32 of everything before it
//! ```
//! Version 1 (one shared row set, 8-bit weights) is still read.

use super::features::{FeatureConfig, SparseVector};
use super::linear::{softmax, LinearModel};
use crate::binary::{push_short_str, push_varint, Reader};
use rustc_hash::FxHashMap;
use std::fmt;

const MAGIC: &[u8; 4] = b"HDAI";
/// The binary format version this build writes (it also reads version 1).
pub const FORMAT_VERSION: u16 = 2;
/// No row for this head (in [`CompactModel`]'s slot table).
const NO_ROW: u32 = u32::MAX;

/// Model bytes that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes do not start with the model magic: not a helpdesk-ai model.
    NotAModel,
    /// A model of another format version.
    Version {
        /// The version in the bytes.
        found: u16,
        /// The version this build writes.
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
                write!(f, "model format version {found} is not supported (this build reads versions 1 to {expected})")
            }
            ModelError::Checksum => write!(f, "model checksum mismatch: the file is corrupted or truncated"),
            ModelError::Malformed(what) => write!(f, "malformed model: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

impl From<&'static str> for ModelError {
    fn from(what: &'static str) -> Self {
        ModelError::Malformed(what)
    }
}

/// One head of the compact model.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadInfo {
    /// `category`, `area`, `priority`, `complexity`, `intent` …
    pub name: String,
    /// Class labels, in output order.
    pub classes: Vec<String>,
    /// Multiply a stored integer weight by this to get the trained weight.
    pub scale: f32,
    /// Softmax temperature fitted on held-out data (1.0 = uncalibrated).
    pub temperature: f32,
    /// Bits per stored weight.
    pub bits: u8,
    /// Offset of this head's logits in [`CompactModel::logits`].
    offset: usize,
    /// Feature indexes of this head's rows, ascending.
    features: Vec<u32>,
    /// Rows × classes integer weights.
    weights: Vec<i8>,
}

/// The inference model: every head's pruned, quantised weights.
#[derive(Debug, Clone, PartialEq)]
pub struct CompactModel {
    /// How features are made (must match training).
    pub config: FeatureConfig,
    /// The heads.
    pub heads: Vec<HeadInfo>,
    /// Logits of all heads together.
    logit_len: usize,
    /// Feature index → slot; slot `s` holds each head's row number (or [`NO_ROW`]) at
    /// `rows[s * heads + h]`: one hash lookup per feature serves every head.
    index: FxHashMap<u32, u32>,
    rows: Vec<u32>,
}

/// How [`CompactModel::from_dense`] compresses trained heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compression {
    /// The most feature rows each head keeps (the most important for that head).
    pub rows_per_head: usize,
    /// Bits per weight, 2–8.
    pub bits: u8,
}

impl CompactModel {
    /// Compresses trained heads `(name, model, temperature)`: each head keeps the
    /// `rows_per_head` features with the largest weights relative to its own scale, quantised to
    /// `bits` bits. (The trainer retrains a head on the features kept before compressing it, so
    /// that pruning costs little accuracy.)
    pub fn from_dense(
        config: FeatureConfig,
        heads: &[(String, &LinearModel, f32)],
        compression: Compression,
    ) -> Self {
        let bits = compression.bits.clamp(2, 8);
        let dim = config.dim();
        let mut infos = Vec::with_capacity(heads.len());
        let mut offset = 0;
        for (name, m, temperature) in heads {
            let k = m.classes.len();
            let scale = quantisation_scale(m, dim, bits);
            let q_max = f32::from(max_level(bits));
            // A feature matters for this head if one of its weights rounds to a non-zero level.
            let mut importance: Vec<(u32, f32)> = (0..dim)
                .map(|f| (f as u32, m.row(f).iter().fold(0f32, |a, w| a.max(w.abs())) / scale))
                .filter(|&(_, imp)| imp >= 0.5)
                .collect();
            crate::sort::sort_by(&mut importance, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            importance.truncate(compression.rows_per_head);
            let mut features: Vec<u32> = importance.into_iter().map(|(f, _)| f).collect();
            features.sort_unstable();
            let mut weights = Vec::with_capacity(features.len() * k);
            for &f in &features {
                weights
                    .extend(m.row(f as usize).iter().map(|w| (w / scale).round().clamp(-q_max, q_max) as i8));
            }
            infos.push(HeadInfo {
                name: name.clone(),
                classes: m.classes.clone(),
                scale,
                temperature: *temperature,
                bits,
                offset,
                features,
                weights,
            });
            offset += k;
        }
        Self::assemble(config, infos)
    }

    /// Builds the shared feature → rows table over the heads.
    fn assemble(config: FeatureConfig, heads: Vec<HeadInfo>) -> Self {
        let n = heads.len();
        let mut index: FxHashMap<u32, u32> = FxHashMap::default();
        let mut rows: Vec<u32> = Vec::new();
        for (h, head) in heads.iter().enumerate() {
            for (r, &f) in head.features.iter().enumerate() {
                let slot = *index.entry(f).or_insert_with(|| {
                    rows.extend(std::iter::repeat_n(NO_ROW, n));
                    (rows.len() / n - 1) as u32
                });
                rows[slot as usize * n + h] = r as u32;
            }
        }
        let logit_len = heads.iter().map(|h| h.classes.len()).sum();
        CompactModel { config, heads, logit_len, index, rows }
    }

    /// The number of distinct features any head keeps.
    pub fn rows(&self) -> usize {
        self.index.len()
    }

    /// Logits of every head for a feature vector, concatenated in head order.
    pub fn logits(&self, x: &SparseVector) -> Vec<f32> {
        let n = self.heads.len();
        let mut z = vec![0f32; self.logit_len];
        for &(f, v) in x {
            let Some(&slot) = self.index.get(&f) else { continue };
            for (h, head) in self.heads.iter().enumerate() {
                let r = self.rows[slot as usize * n + h];
                if r == NO_ROW {
                    continue;
                }
                let k = head.classes.len();
                let row = &head.weights[r as usize * k..(r as usize + 1) * k];
                for (zc, &w) in z[head.offset..head.offset + k].iter_mut().zip(row) {
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
    /// temperature): `(feature index, amount)` for the features the head kept.
    pub fn contributions(&self, x: &SparseVector, head: usize, class: usize) -> Vec<(u32, f32)> {
        let n = self.heads.len();
        let Some(h) = self.heads.get(head).filter(|h| class < h.classes.len()) else { return Vec::new() };
        x.iter()
            .filter_map(|&(f, v)| {
                let slot = *self.index.get(&f)? as usize;
                let r = self.rows[slot * n + head];
                if r == NO_ROW {
                    return None;
                }
                let w = h.weights[r as usize * h.classes.len() + class];
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

    /// Writes the model in the binary format (version 2).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.push(self.config.bits);
        out.push(u8::from(self.config.char_ngrams));
        out.push(self.heads.len() as u8);
        for h in &self.heads {
            push_short_str(&mut out, &h.name);
            out.push(h.classes.len() as u8);
            for c in &h.classes {
                push_short_str(&mut out, c);
            }
            out.extend_from_slice(&h.scale.to_le_bytes());
            out.extend_from_slice(&h.temperature.to_le_bytes());
            out.push(h.bits);
            out.extend_from_slice(&(h.features.len() as u32).to_le_bytes());
        }
        for h in &self.heads {
            let mut previous = 0u32;
            for &f in &h.features {
                push_varint(&mut out, f - previous);
                previous = f;
            }
            pack(&mut out, &h.weights, h.bits);
        }
        let crc = crate::binary::crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Reads a model written by [`CompactModel::to_bytes`] (or by a version-1 build); any damage
    /// is a clear error.
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
        if !(1..=FORMAT_VERSION).contains(&version) {
            return Err(ModelError::Version { found: version, expected: FORMAT_VERSION });
        }
        if bytes.len() < 13 {
            return Err(ModelError::Malformed("ends inside the header"));
        }
        let (body, crc) = bytes.split_at(bytes.len() - 4);
        if crate::binary::crc32(body) != u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader::new(body, 6);
        let bits = r.u8()?;
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Malformed("feature bits outside 8..=24"));
        }
        let config = FeatureConfig { bits, char_ngrams: r.u8()? & 1 == 1 };
        let n_heads = r.u8()? as usize;
        let mut heads = Vec::with_capacity(n_heads);
        let mut offset = 0;
        let mut row_counts = Vec::with_capacity(n_heads);
        for _ in 0..n_heads {
            let name = r.short_str()?;
            let n_classes = r.u8()? as usize;
            if n_classes == 0 {
                return Err(ModelError::Malformed("a head without classes"));
            }
            let classes = (0..n_classes).map(|_| r.short_str()).collect::<Result<Vec<_>, _>>()?;
            let scale = r.f32()?;
            let temperature = r.f32()?;
            if !(scale.is_finite() && temperature.is_finite() && temperature > 0.0) {
                return Err(ModelError::Malformed("scale or temperature is not a positive finite number"));
            }
            let weight_bits = if version == 1 { 8 } else { r.u8()? };
            if !(2..=8).contains(&weight_bits) {
                return Err(ModelError::Malformed("weight bits outside 2..=8"));
            }
            if version > 1 {
                row_counts.push(r.u32()? as usize);
            }
            heads.push(HeadInfo {
                name,
                classes,
                scale,
                temperature,
                bits: weight_bits,
                offset,
                features: Vec::new(),
                weights: Vec::new(),
            });
            offset += n_classes;
        }
        if version == 1 {
            read_shared_rows(&mut r, &mut heads, config.dim())?;
        } else {
            for (head, rows) in heads.iter_mut().zip(row_counts) {
                // Every row costs at least one byte of index: a count beyond the bytes left is a lie.
                if rows > r.remaining() {
                    return Err(ModelError::Malformed("more rows than the bytes can hold"));
                }
                head.features = read_features(&mut r, rows, config.dim())?;
                let k = head.classes.len();
                let packed = (rows * k * usize::from(head.bits)).div_ceil(8);
                head.weights = unpack(r.take(packed)?, rows * k, head.bits);
            }
        }
        if r.remaining() != 0 {
            return Err(ModelError::Malformed("trailing bytes after the last row"));
        }
        Ok(Self::assemble(config, heads))
    }
}

/// The largest level a signed `bits`-bit weight stores (symmetric: 7 for 4 bits).
fn max_level(bits: u8) -> i8 {
    ((1i16 << (bits - 1)) - 1) as i8
}

/// The scale that quantises a head's weights with the least squared error: the largest weight
/// maps to the top level, or — when few bits make that step too coarse — a smaller step that
/// clamps the rare large weights and keeps the many small ones.
fn quantisation_scale(m: &LinearModel, dim: usize, bits: u8) -> f32 {
    let q_max = f32::from(max_level(bits));
    let max = m.max_abs_weight();
    if max <= 0.0 {
        return 1.0;
    }
    let weights: Vec<f32> = (0..dim).flat_map(|f| m.row(f).iter().copied()).filter(|w| *w != 0.0).collect();
    let error = |scale: f32| -> f64 {
        weights
            .iter()
            .map(|&w| {
                let d = w - (w / scale).round().clamp(-q_max, q_max) * scale;
                f64::from(d * d)
            })
            .sum()
    };
    let mut best = (f64::INFINITY, max / q_max);
    for step in 0..24 {
        let scale = max / q_max * crate::math::powf(0.85, step as f32);
        let e = error(scale);
        if e < best.0 {
            best = (e, scale);
        }
    }
    best.1
}

/// Reads version 1's shared rows (varint delta, then one `i8` per class of every head) into
/// per-head tables.
fn read_shared_rows(r: &mut Reader, heads: &mut [HeadInfo], dim: usize) -> Result<(), ModelError> {
    let row_len: usize = heads.iter().map(|h| h.classes.len()).sum();
    let rows = r.u32()? as usize;
    if rows.saturating_mul(row_len + 1) > r.remaining() {
        return Err(ModelError::Malformed("more rows than the bytes can hold"));
    }
    let mut feature = 0u32;
    for i in 0..rows {
        feature = next_feature(r, i, feature, dim)?;
        let row = r.take(row_len)?;
        for head in heads.iter_mut() {
            let k = head.classes.len();
            head.features.push(feature);
            head.weights.extend(row[head.offset..head.offset + k].iter().map(|&b| b as i8));
        }
    }
    Ok(())
}

/// Reads `rows` ascending feature indexes written as varint deltas.
fn read_features(r: &mut Reader, rows: usize, dim: usize) -> Result<Vec<u32>, ModelError> {
    let mut features = Vec::with_capacity(rows);
    let mut feature = 0u32;
    for i in 0..rows {
        feature = next_feature(r, i, feature, dim)?;
        features.push(feature);
    }
    Ok(features)
}

fn next_feature(r: &mut Reader, i: usize, previous: u32, dim: usize) -> Result<u32, ModelError> {
    let delta = r.varint()?;
    if i > 0 && delta == 0 {
        return Err(ModelError::Malformed("feature indexes are not increasing"));
    }
    let feature = previous.checked_add(delta).ok_or(ModelError::Malformed("feature index overflows"))?;
    if feature as usize >= dim {
        return Err(ModelError::Malformed("feature index outside the feature space"));
    }
    Ok(feature)
}

/// Appends signed `bits`-bit integers, least-significant bit first, zero-padding the last byte.
fn pack(out: &mut Vec<u8>, values: &[i8], bits: u8) {
    let mask = (1u16 << bits) - 1;
    let (mut acc, mut filled) = (0u32, 0u8);
    for &v in values {
        acc |= u32::from(v as u16 & mask) << filled;
        filled += bits;
        while filled >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            filled -= 8;
        }
    }
    if filled > 0 {
        out.push(acc as u8);
    }
}

/// Reads `count` signed `bits`-bit integers written by [`pack`].
fn unpack(bytes: &[u8], count: usize, bits: u8) -> Vec<i8> {
    let mask = (1u32 << bits) - 1;
    let sign = 1u32 << (bits - 1);
    let mut out = Vec::with_capacity(count);
    let (mut acc, mut filled, mut next) = (0u32, 0u8, 0usize);
    while out.len() < count {
        while filled < bits {
            acc |= u32::from(bytes.get(next).copied().unwrap_or(0)) << filled;
            next += 1;
            filled += 8;
        }
        let raw = acc & mask;
        // Sign-extend: a value with its top bit set is negative.
        out.push(if raw & sign != 0 { (raw as i32 - (1i32 << bits)) as i8 } else { raw as i8 });
        acc >>= bits;
        filled -= bits;
    }
    out
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
        CompactModel::from_dense(
            config,
            &[("category".to_string(), &m, 1.3)],
            Compression { rows_per_head: 1000, bits: 4 },
        )
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
    fn packs_every_width_and_sign() {
        for bits in 2..=8u8 {
            let top = max_level(bits);
            let values: Vec<i8> =
                (0..37).map(|i| ((i * 7) % (2 * i16::from(top) + 1) - i16::from(top)) as i8).collect();
            let mut out = Vec::new();
            pack(&mut out, &values, bits);
            assert_eq!(out.len(), (values.len() * usize::from(bits)).div_ceil(8));
            assert_eq!(unpack(&out, values.len(), bits), values, "{bits} bits");
        }
    }

    #[test]
    fn reads_version_1_models() {
        // One head "h" with classes a, b; two rows (features 3 and 10), 8-bit weights.
        let mut v1 = b"HDAI\x01\x00\x08\x01\x01\x01h\x02\x01a\x01b".to_vec();
        v1.extend_from_slice(&0.5f32.to_le_bytes());
        v1.extend_from_slice(&1.0f32.to_le_bytes());
        v1.extend_from_slice(&2u32.to_le_bytes());
        v1.extend_from_slice(&[3, 10, 0xF6, 7, 7, 0]);
        let crc = crate::binary::crc32(&v1);
        v1.extend_from_slice(&crc.to_le_bytes());
        let m = CompactModel::from_bytes(&v1).unwrap();
        assert_eq!(m.logits(&vec![(3, 1.0)]), vec![5.0, -5.0]);
        assert_eq!(m.logits(&vec![(10, 1.0), (4, 1.0)]), vec![3.5, 0.0]);
        let again = CompactModel::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(again.logits(&vec![(3, 1.0)]), vec![5.0, -5.0]);
    }

    #[test]
    fn damage_is_a_clear_error_never_a_panic() {
        let bytes = tiny().to_bytes();
        let mut flipped = bytes.clone();
        flipped[20] ^= 0x40;
        assert_eq!(CompactModel::from_bytes(&flipped), Err(ModelError::Checksum));
        let mut newer = bytes.clone();
        newer[4] = 9;
        assert_eq!(
            CompactModel::from_bytes(&newer),
            Err(ModelError::Version { found: 9, expected: FORMAT_VERSION })
        );
        for cut in 0..bytes.len() {
            assert!(CompactModel::from_bytes(&bytes[..cut]).is_err(), "truncated at {cut}");
        }
        assert_eq!(CompactModel::from_bytes(b""), Err(ModelError::NotAModel));
    }
}
