//! Stable sorting through one copy of the standard library's sort.
//!
//! Why not `slice::sort_by` at every call site: it is generic over its closure, so each of the
//! crate's ~35 sorts compiled its own copy of the standard library's driftsort — 13 % of the
//! browser package's code. Here the standard sort is instantiated once, on `u32` positions with a
//! `&dyn` comparison; the items are then moved into that order by swaps (lists of up to 16 items
//! are insertion-sorted in place instead). The order is exactly that of `sort_by` (stable: equal
//! items keep their order). Sorting plain numbers with
//! `sort_unstable()` needs no help (one copy per number type serves every call site).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably — what `items.sort_by(compare)` does.
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() <= SHORT {
        // Insertion sort: a few instructions per call site, and the fastest for short lists.
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
                items.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut order = {
        let items: &[T] = items;
        sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    // Each cycle of the permutation is walked once, the item at its start carried along.
    for start in 0..order.len() {
        let mut here = start;
        while order[here] as usize != here {
            let from = order[here] as usize;
            order[here] = here as u32; // placed
            if from == start {
                break;
            }
            items.swap(here, from);
            here = from;
        }
    }
}

/// Lists up to this long are insertion-sorted in place.
const SHORT: usize = 16;

/// Sorts `items` by the key `key` gives each, stably — what `items.sort_by_key(key)` does.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)))
}

/// The positions `0..len` in sorted order: the item at position `order[k]` goes to `k`.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, equal items included.
        #[test]
        fn matches_std_sort_by(items in prop::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn by_key_and_non_copy_items() {
        let mut words = vec!["pear".to_string(), "fig".into(), "banana".into(), "kiwi".into()];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "banana"]);
    }
}
