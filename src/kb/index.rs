//! The inverted index: terms (stems, concept ids, stem bigrams) → postings with per-field term
//! frequencies, a surface-form dictionary for prefix search, and a deletion index for typo
//! tolerance. Articles are added and removed in place; nothing is rebuilt.
//!
//! Typo tolerance is a symmetric-deletion index (the SymSpell idea): every stem is stored with
//! the strings made by deleting one or two of its characters, so a typed word finds its
//! candidates by looking up its own deletions, and each candidate is then checked with a true
//! edit distance. It supports in-place additions (an FST would need a rebuild) and costs a few
//! hash lookups per word. Written here rather than taken from a crate: the crates that do this
//! are dictionaries, not index components, and the core needs it incremental.

use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Number of indexed fields.
pub const FIELDS: usize = 5;
/// Field numbers.
pub const TITLE: usize = 0;
/// Tags.
pub const TAGS: usize = 1;
/// Symptoms.
pub const SYMPTOMS: usize = 2;
/// Steps and body.
pub const BODY: usize = 3;
/// Queries the article answered, learned from feedback ([`super::KnowledgeBase::learn`]).
pub const QUERIES: usize = 4;

/// One document's term frequencies per field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    /// Document number.
    pub doc: u32,
    /// Term frequency in each field.
    pub tf: [u16; FIELDS],
}

/// A term of the index.
#[derive(Debug, Clone, Default)]
pub struct Term {
    /// The term text (a stem, `~concept`, or `stem stem` bigram).
    pub text: String,
    /// Postings, by document number.
    pub postings: Vec<Posting>,
    /// The first surface form seen for it (a word as written), empty for other terms.
    pub surface: String,
}

/// Per-document facts the scorer needs.
#[derive(Debug, Clone, Default)]
pub struct DocInfo {
    /// Tokens per field.
    pub len: [u32; FIELDS],
    /// Terms of the document (to remove it).
    pub terms: Vec<u32>,
    /// Whether the document is live (removed ones leave a tombstone until reuse).
    pub live: bool,
}

/// The inverted index.
#[derive(Debug, Clone, Default)]
pub struct Index {
    terms: Vec<Term>,
    by_text: FxHashMap<String, u32>,
    /// Surface form (normalised word as written) → term ids, for prefix completion.
    surface: BTreeMap<String, Vec<u32>>,
    /// Words the typo index knows (stems and surface forms), each with its term.
    fuzzy_keys: Vec<(String, u32)>,
    key_ids: FxHashMap<String, u32>,
    /// Hashes of the deletion variants of those words → key numbers, for typo tolerance. A
    /// hash collision only adds a candidate that the edit-distance check then turns away.
    deletions: FxHashMap<u64, Vec<u32>>,
    docs: Vec<DocInfo>,
    /// Field lengths of every document slot as [`length_code`]s (zeros for free slots): four
    /// bytes per document that scoring reads per posting, instead of a whole [`DocInfo`].
    lens: Vec<[u8; FIELDS]>,
    free: Vec<u32>,
    total_len: [u64; FIELDS],
    live: u32,
}

/// Entries a document contributes: `(term text, field, surface form if a word)`.
pub type DocTerms = Vec<(String, usize, Option<String>)>;

/// The longest word that gets deletion variants (longer ones are rare and costly).
const MAX_FUZZY_CHARS: usize = 24;

impl Index {
    /// Adds a document, returning its number; `lens` are the tokens per field.
    pub fn add(&mut self, entries: &DocTerms, lens: [u32; FIELDS]) -> u32 {
        let doc = match self.free.pop() {
            Some(d) => d,
            None => {
                self.docs.push(DocInfo::default());
                self.lens.push([0; FIELDS]);
                (self.docs.len() - 1) as u32
            }
        };
        self.docs[doc as usize] = DocInfo { len: [0; FIELDS], terms: Vec::new(), live: true };
        self.live += 1;
        self.extend(doc, entries, lens);
        doc
    }

    /// Adds more terms to a live document (`lens`: the tokens they add per field); nothing for
    /// a document that is not live.
    pub fn extend(&mut self, doc: u32, entries: &DocTerms, lens: [u32; FIELDS]) {
        if self.doc(doc).is_none() {
            return;
        }
        let mut new_terms: Vec<u32> = Vec::new();
        for (text, field, surface) in entries {
            let id = self.term_id(text);
            if let Some(surface) = surface {
                if self.terms[id as usize].surface.is_empty() {
                    self.terms[id as usize].surface = surface.clone();
                }
                if surface != text {
                    self.add_fuzzy_key(surface, id);
                }
                let ids = self.surface.entry(surface.clone()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            let postings = &mut self.terms[id as usize].postings;
            match postings.last_mut() {
                Some(p) if p.doc == doc => p.tf[*field] = p.tf[*field].saturating_add(1),
                _ => {
                    let mut tf = [0u16; FIELDS];
                    tf[*field] = 1;
                    // Reused document numbers may be lower than the last posting: keep order.
                    let at = postings.partition_point(|p| p.doc < doc);
                    if postings.get(at).is_some_and(|p| p.doc == doc) {
                        postings[at].tf[*field] = postings[at].tf[*field].saturating_add(1);
                    } else {
                        postings.insert(at, Posting { doc, tf });
                        new_terms.push(id);
                    }
                }
            }
        }
        let info = &mut self.docs[doc as usize];
        info.terms.extend(new_terms);
        for (f, added) in lens.iter().enumerate() {
            info.len[f] = info.len[f].saturating_add(*added);
            self.total_len[f] += u64::from(*added);
        }
        self.lens[doc as usize] = info.len.map(length_code);
    }

    /// Removes a document; its number may be reused.
    pub fn remove(&mut self, doc: u32) {
        let Some(info) = self.docs.get_mut(doc as usize).filter(|d| d.live) else { return };
        info.live = false;
        let terms = std::mem::take(&mut info.terms);
        self.lens[doc as usize] = [0; FIELDS];
        for (f, l) in info.len.iter().enumerate() {
            self.total_len[f] -= u64::from(*l);
        }
        for id in terms {
            let postings = &mut self.terms[id as usize].postings;
            if let Ok(at) = postings.binary_search_by_key(&doc, |p| p.doc) {
                postings.remove(at);
            }
        }
        self.free.push(doc);
        self.live -= 1;
    }

    fn term_id(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.by_text.get(text) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(Term { text: text.to_string(), ..Term::default() });
        self.by_text.insert(text.to_string(), id);
        if !text.starts_with('~') && !text.contains(' ') {
            self.add_fuzzy_key(text, id);
        }
        id
    }

    /// Makes `word` findable with typos, leading to `term`. Surface forms are keys too, so a
    /// typo that breaks stemming ("payng" is not a form of "pay") still finds "paying".
    fn add_fuzzy_key(&mut self, word: &str, term: u32) {
        if self.key_ids.contains_key(word) {
            return;
        }
        let chars: Vec<char> = word.chars().collect();
        if !(4..=MAX_FUZZY_CHARS).contains(&chars.len()) {
            return;
        }
        let key = self.fuzzy_keys.len() as u32;
        self.fuzzy_keys.push((word.to_string(), term));
        self.key_ids.insert(word.to_string(), key);
        for variant in deletion_hashes(&chars, max_edits(chars.len())) {
            self.deletions.entry(variant).or_default().push(key);
        }
    }

    /// The id of a term, if indexed.
    pub fn lookup(&self, text: &str) -> Option<u32> {
        self.by_text.get(text).copied()
    }

    /// A term.
    pub fn term(&self, id: u32) -> &Term {
        &self.terms[id as usize]
    }

    /// Documents containing the term (0 for unknown terms).
    pub fn doc_freq(&self, id: u32) -> usize {
        self.terms.get(id as usize).map_or(0, |t| t.postings.len())
    }

    /// Terms whose surface form starts with `prefix`: up to `limit`, the most frequent first.
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<(u32, usize)> {
        let mut found: Vec<(u32, usize)> = Vec::new();
        for (surface, ids) in self.surface.range(prefix.to_string()..) {
            if !surface.starts_with(prefix) {
                break;
            }
            let extra = surface.chars().count() - prefix.chars().count();
            for &id in ids {
                if self.doc_freq(id) > 0 && !found.iter().any(|(f, _)| *f == id) {
                    found.push((id, extra));
                }
            }
            if found.len() >= limit * 8 {
                break;
            }
        }
        crate::sort::sort_by(&mut found, |a, b| {
            self.doc_freq(b.0).cmp(&self.doc_freq(a.0)).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0))
        });
        found.truncate(limit);
        found
    }

    /// Word terms within the typo budget of `word` (see [`max_edits`]): `(term, distance)`.
    pub fn fuzzy(&self, word: &str) -> Vec<(u32, usize)> {
        let chars: Vec<char> = word.chars().collect();
        if !(4..=MAX_FUZZY_CHARS).contains(&chars.len()) {
            return Vec::new();
        }
        let budget = max_edits(chars.len());
        let mut found: Vec<(u32, usize)> = Vec::new();
        let mut checked: Vec<u32> = Vec::new();
        for variant in deletion_hashes(&chars, budget) {
            let Some(keys) = self.deletions.get(&variant) else { continue };
            for &key in keys {
                if checked.contains(&key) {
                    continue;
                }
                checked.push(key);
                let (word, id) = &self.fuzzy_keys[key as usize];
                if self.doc_freq(*id) == 0 {
                    continue;
                }
                let candidate: Vec<char> = word.chars().collect();
                let d = edit_distance(&chars, &candidate, budget);
                if d > budget {
                    continue;
                }
                match found.iter_mut().find(|(f, _)| f == id) {
                    Some(entry) => entry.1 = entry.1.min(d),
                    None => found.push((*id, d)),
                }
            }
        }
        crate::sort::sort_by(&mut found, |a, b| {
            a.1.cmp(&b.1).then(self.doc_freq(b.0).cmp(&self.doc_freq(a.0))).then(a.0.cmp(&b.0))
        });
        found
    }

    /// A surface form of a term (for "did you mean" and matched-term lists).
    pub fn surface_of(&self, id: u32) -> Option<&str> {
        self.terms.get(id as usize).map(|t| t.surface.as_str()).filter(|s| !s.is_empty())
    }

    /// Live documents.
    pub fn live_docs(&self) -> u32 {
        self.live
    }

    /// Document slots (live and free).
    pub fn doc_slots(&self) -> usize {
        self.docs.len()
    }

    /// A document's facts.
    pub fn doc(&self, doc: u32) -> Option<&DocInfo> {
        self.docs.get(doc as usize).filter(|d| d.live)
    }

    /// Field lengths of every document slot as [`length_code`]s, indexed by document number
    /// (zeros for free slots; posting lists only hold live documents).
    pub fn length_codes(&self) -> &[[u8; FIELDS]] {
        &self.lens
    }

    /// Average tokens per field over live documents.
    pub fn average_len(&self) -> [f32; FIELDS] {
        let n = self.live.max(1) as f32;
        self.total_len.map(|total| (total as f32 / n).max(1.0))
    }

    /// Distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Approximate heap bytes of the index structures.
    pub fn heap_bytes(&self) -> usize {
        let terms: usize = self.terms.iter().map(|t| t.text.len() + 48 + t.postings.len() * 12).sum();
        let surface: usize = self.surface.iter().map(|(s, ids)| s.len() + 56 + ids.len() * 4).sum();
        let deletions: usize = self.deletions.values().map(|ids| 8 + 48 + ids.len() * 4).sum::<usize>()
            + self.fuzzy_keys.iter().map(|(w, _)| w.len() * 2 + 64).sum::<usize>();
        let docs: usize = self.docs.iter().map(|d| 48 + d.terms.len() * 4).sum();
        terms + surface + deletions + docs + self.by_text.len() * 40
    }
}

impl Index {
    /// Writes the index (terms and postings, surface forms, typo keys, documents) for
    /// [`Index::read`]; what can be derived again is left out.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        use crate::binary::{push_str, push_varint};
        push_varint(out, self.docs.len() as u32);
        for d in &self.docs {
            out.push(u8::from(d.live));
            for l in d.len {
                push_varint(out, l);
            }
        }
        push_varint(out, self.terms.len() as u32);
        for t in &self.terms {
            push_str(out, &t.text);
            push_str(out, &t.surface);
            push_varint(out, t.postings.len() as u32);
            let mut previous = 0;
            for p in &t.postings {
                push_varint(out, p.doc - previous);
                previous = p.doc;
                // Which fields have the term (a bit each), then those fields' frequencies.
                out.push((0..FIELDS).filter(|&f| p.tf[f] > 0).fold(0u8, |mask, f| mask | 1 << f));
                for tf in p.tf.iter().filter(|&&tf| tf > 0) {
                    push_varint(out, u32::from(*tf));
                }
            }
        }
        push_varint(out, self.surface.len() as u32);
        for (surface, ids) in &self.surface {
            push_str(out, surface);
            push_varint(out, ids.len() as u32);
            for &id in ids {
                push_varint(out, id);
            }
        }
        push_varint(out, self.fuzzy_keys.len() as u32);
        for (word, term) in &self.fuzzy_keys {
            // Most keys are their term's text or surface form: say which instead of repeating it.
            push_varint(out, *term);
            match &self.terms[*term as usize] {
                t if t.text == *word => out.push(0),
                t if t.surface == *word => out.push(1),
                _ => {
                    out.push(2);
                    push_str(out, word);
                }
            }
        }
        push_varint(out, self.free.len() as u32);
        for &d in &self.free {
            push_varint(out, d);
        }
    }

    /// Reads an index written by [`Index::write`], checking every number against what it
    /// refers to; the typo index is rebuilt from its keys.
    pub(crate) fn read(r: &mut crate::binary::Reader) -> Result<Index, &'static str> {
        let mut index = Index::default();
        let n_docs = r.count(5)?;
        for _ in 0..n_docs {
            let live = match r.u8()? {
                0 => false,
                1 => true,
                _ => return Err("a document's live flag is not 0 or 1"),
            };
            let mut len = [0u32; FIELDS];
            for l in &mut len {
                *l = r.varint()?;
            }
            if live {
                index.live += 1;
                for (total, l) in index.total_len.iter_mut().zip(len) {
                    *total += u64::from(l);
                }
            }
            index.lens.push(if live { len.map(length_code) } else { [0; FIELDS] });
            index.docs.push(DocInfo { len, terms: Vec::new(), live });
        }
        let n_terms = r.count(3)?;
        for id in 0..n_terms as u32 {
            let text = r.str()?.to_string();
            let surface = r.str()?.to_string();
            let n = r.count(3)?;
            let mut postings = Vec::with_capacity(n);
            let mut doc = 0u32;
            for i in 0..n {
                let delta = r.varint()?;
                if i > 0 && delta == 0 {
                    return Err("postings are not in document order");
                }
                doc = doc.checked_add(delta).ok_or("a document number overflows")?;
                let info = index
                    .docs
                    .get_mut(doc as usize)
                    .filter(|d| d.live)
                    .ok_or("a posting names no live document")?;
                info.terms.push(id);
                let mask = r.u8()?;
                if mask == 0 || mask >> FIELDS != 0 {
                    return Err("a posting's field mask is not valid");
                }
                let mut tf = [0u16; FIELDS];
                for (_, tf) in tf.iter_mut().enumerate().filter(|(f, _)| mask & 1 << f != 0) {
                    *tf = u16::try_from(r.varint()?)
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or("a term frequency is out of range")?;
                }
                postings.push(Posting { doc, tf });
            }
            if index.by_text.insert(text.clone(), id).is_some() {
                return Err("a term appears twice");
            }
            index.terms.push(Term { text, postings, surface });
        }
        let n_surfaces = r.count(2)?;
        for _ in 0..n_surfaces {
            let surface = r.str()?.to_string();
            let n = r.count(1)?;
            let ids = (0..n)
                .map(|_| {
                    r.varint().and_then(|id| {
                        if (id as usize) < n_terms {
                            Ok(id)
                        } else {
                            Err("a surface form names no term")
                        }
                    })
                })
                .collect::<Result<Vec<u32>, _>>()?;
            index.surface.insert(surface, ids);
        }
        let n_keys = r.count(2)?;
        for _ in 0..n_keys {
            let term = r.varint()?;
            let t = index.terms.get(term as usize).ok_or("a typo key names no term")?;
            let word = match r.u8()? {
                0 => t.text.clone(),
                1 => t.surface.clone(),
                2 => r.str()?.to_string(),
                _ => return Err("a typo key's kind is not valid"),
            };
            index.add_fuzzy_key(&word, term);
        }
        let n_free = r.count(1)?;
        for _ in 0..n_free {
            let d = r.varint()?;
            if index.docs.get(d as usize).is_none_or(|info| info.live) {
                return Err("a free slot is not a removed document");
            }
            index.free.push(d);
        }
        Ok(index)
    }
}

/// A field length in one byte, as Lucene stores norms: exact up to 127 tokens, then in steps
/// of about 2 % up to ~2,000 tokens (longer fields count as that long) — length normalisation
/// needs no more precision, and a byte per field keeps the per-document table small.
///
/// ```
/// use helpdesk_ai::kb::index::{length_code, code_length};
/// assert_eq!(code_length(length_code(40)), 40);
/// let long = code_length(length_code(1000)) as f32;
/// assert!((long / 1000.0 - 1.0).abs() < 0.02);
/// ```
pub fn length_code(len: u32) -> u8 {
    if len < 128 {
        len as u8
    } else {
        (128.0 + (crate::math::log2(len as f32 / 128.0) * 32.0).round()).min(255.0) as u8
    }
}

/// The length a [`length_code`] stands for.
pub fn code_length(code: u8) -> u32 {
    if code < 128 {
        u32::from(code)
    } else {
        // 128 · 2^(k/32) = 128 · 2^(k div 32) · 2^((k mod 32)/32): a table, no pow per call.
        let k = u32::from(code - 128);
        let fraction = POW2_32NDS[(k % 32) as usize];
        (f64::from(128u32 << (k / 32)) * fraction).round() as u32
    }
}

/// 2^(i/32) for i in 0..32.
const POW2_32NDS: [f64; 32] = [
    1.0,
    1.021897148654117,
    1.044273782427414,
    1.067140400676824,
    1.090507732665258,
    1.114386742595892,
    1.138788634756692,
    1.163724858777577,
    1.189207115002721,
    1.215247359980469,
    1.241857812073484,
    1.269050957191733,
    1.29683955465101,
    1.325236643159741,
    1.354255546936893,
    1.383909881963832,
    std::f64::consts::SQRT_2,
    1.445180806977047,
    1.476826145939499,
    1.509164427593423,
    1.542210825407941,
    1.575980845107886,
    1.610490331949254,
    1.645755478153965,
    1.681792830507429,
    1.718619298122478,
    1.756252160373299,
    1.794709075003107,
    1.834008086409342,
    1.8741676341103,
    1.915206561397147,
    1.9571441241754,
];

/// The typo budget for a word of `chars` characters: none up to 3, one up to 7, two beyond —
/// short words have too many neighbours to correct safely.
pub fn max_edits(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The hashes of every string made by deleting up to `edits` (at most 2) characters of `chars`
/// (the word itself included), each once — computed without building the strings.
fn deletion_hashes(chars: &[char], edits: usize) -> Vec<u64> {
    // FxHash's 64-bit step, on u64 everywhere: the same value natively and in wasm.
    let hash = |skip_a: usize, skip_b: usize| {
        chars.iter().enumerate().filter(|&(i, _)| i != skip_a && i != skip_b).fold(0u64, |h, (_, &c)| {
            (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
        })
    };
    let n = chars.len();
    let mut out = vec![hash(usize::MAX, usize::MAX)];
    if edits >= 1 {
        out.extend((0..n).map(|i| hash(i, usize::MAX)));
    }
    if edits >= 2 {
        out.extend((0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).map(|(i, j)| hash(i, j)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up
/// early once it must exceed `budget`.
///
/// ```
/// use helpdesk_ai::kb::index::edit_distance;
/// let c = |s: &str| s.chars().collect::<Vec<_>>();
/// assert_eq!(edit_distance(&c("pasword"), &c("password"), 2), 1);
/// assert_eq!(edit_distance(&c("pasword"), &c("pssaword"), 2), 2);
/// assert_eq!(edit_distance(&c("teh"), &c("the"), 2), 1);
/// assert!(edit_distance(&c("cat"), &c("dogs"), 1) > 1);
/// ```
pub fn edit_distance(a: &[char], b: &[char], budget: usize) -> usize {
    if a.len().abs_diff(b.len()) > budget {
        return budget + 1;
    }
    let n = b.len();
    let mut before: Vec<usize> = vec![0; n + 1];
    let mut previous: Vec<usize> = (0..=n).collect();
    let mut current: Vec<usize> = vec![0; n + 1];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            current[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > budget {
            return budget + 1;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[n]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(words: &[(&str, usize)]) -> DocTerms {
        words.iter().map(|(w, f)| (w.to_string(), *f, Some(w.to_string()))).collect()
    }

    #[test]
    fn add_remove_and_reuse_keep_postings_ordered() {
        let mut index = Index::default();
        let a =
            index.add(&entries(&[("password", TITLE), ("reset", BODY), ("password", BODY)]), [1, 0, 0, 2, 0]);
        let b = index.add(&entries(&[("password", TITLE)]), [1, 0, 0, 0, 0]);
        let id = index.lookup("password").unwrap();
        assert_eq!(index.doc_freq(id), 2);
        assert_eq!(index.term(id).postings[0].tf, [1, 0, 0, 1, 0]);
        index.remove(a);
        assert_eq!(index.doc_freq(id), 1);
        assert_eq!(index.live_docs(), 1);
        let c = index.add(&entries(&[("password", SYMPTOMS)]), [0, 0, 1, 0, 0]);
        assert_eq!(c, a, "the freed slot is reused");
        let docs: Vec<u32> = index.term(id).postings.iter().map(|p| p.doc).collect();
        assert_eq!(docs, vec![a.min(b), a.max(b)]);
    }

    #[test]
    fn completes_prefixes_and_finds_typos() {
        let mut index = Index::default();
        index.add(
            &entries(&[("password", TITLE), ("passport", BODY), ("notification", BODY)]),
            [1, 0, 0, 2, 0],
        );
        let done: Vec<&str> =
            index.complete("pass", 10).iter().map(|(id, _)| index.term(*id).text.as_str()).collect();
        assert_eq!(done.len(), 2);
        let typo = index.fuzzy("pasword");
        assert_eq!(index.term(typo[0].0).text, "password");
        assert_eq!(typo[0].1, 1);
        assert!(index
            .fuzzy("notifcation")
            .iter()
            .any(|(id, d)| index.term(*id).text == "notification" && *d == 1));
        assert!(index.fuzzy("pas").is_empty(), "short words are not corrected");
    }
}
