//! The vertical flow of items, kept as a list only when it must be one.
//!
//! A brief without collapsed repeats flows every block in order, with the front-matter line in
//! its slot: item `i` is worked out from `i`, so a huge plain brief keeps no list (8 bytes a
//! paragraph, 1.6 MB on a 100 MiB brief). Collapsed runs need the list.

use super::item::Item;

/// The items of a layout in flow order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// Every block in order, `blocks` of them, with the front-matter line at flow index
    /// `meta` when there is one (0: before block 0; 1: after it).
    Plain {
        /// Number of blocks.
        blocks: usize,
        /// Flow index of the front-matter line.
        meta: Option<usize>,
    },
    /// Any other flow (collapsed repeats), item by item.
    Listed(Vec<Item>),
}

impl Default for Flow {
    fn default() -> Self {
        Flow::Plain {
            blocks: 0,
            meta: None,
        }
    }
}

impl Flow {
    /// The flow of `items`: plain when it is every block in order around an optional
    /// front-matter line, listed otherwise.
    pub fn of(items: Vec<Item>) -> Self {
        let meta = items.iter().position(|&item| item == Item::Meta);
        let blocks = items.len() - usize::from(meta.is_some());
        let plain = meta.is_none_or(|m| m <= 1 && blocks > 0)
            && items
                .iter()
                .filter(|&&item| item != Item::Meta)
                .enumerate()
                .all(|(b, &item)| item == Item::block(b));
        if plain {
            Flow::Plain { blocks, meta }
        } else {
            Flow::Listed(items)
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        match self {
            Flow::Plain { blocks, meta } => blocks + usize::from(meta.is_some()),
            Flow::Listed(items) => items.len(),
        }
    }

    /// True when there is no item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `i`.
    pub fn get(&self, i: usize) -> Option<Item> {
        match self {
            Flow::Plain { blocks, meta } => {
                if i >= self.len() {
                    return None;
                }
                Some(match meta {
                    Some(m) if i == *m => Item::Meta,
                    Some(m) if i > *m => Item::block(i - 1),
                    _ if i < *blocks => Item::block(i),
                    _ => return None,
                })
            }
            Flow::Listed(items) => items.get(i).copied(),
        }
    }

    /// Items `range`, in order.
    pub fn range(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = Item> + '_ {
        range.filter_map(|i| self.get(i))
    }

    /// Appends `item`.
    pub fn push(&mut self, item: Item) {
        let len = self.len();
        match self {
            Flow::Plain { blocks, meta } => match item {
                Item::Meta if meta.is_none() && len <= 1 => *meta = Some(len),
                Item::Block(b) if b as usize == *blocks => *blocks += 1,
                _ => {
                    let mut items: Vec<Item> = self.range(0..len).collect();
                    items.push(item);
                    *self = Flow::Listed(items);
                }
            },
            Flow::Listed(items) => items.push(item),
        }
    }

    /// Makes room for `more` items (only a listed flow keeps them).
    pub fn reserve_exact(&mut self, more: usize) {
        if let Flow::Listed(items) = self {
            items.reserve_exact(more);
        }
    }

    /// The index of the last item whose first block is at most `block`, given `first_of`.
    pub fn last_at_or_before(&self, block: usize, first_of: impl Fn(Item) -> usize) -> usize {
        match self {
            Flow::Plain { meta, .. } => {
                // The front-matter line counts as the block after it, so a block at or past
                // that one lands one item later.
                let shift = meta.is_some_and(|m| block >= m);
                (block + usize::from(shift)).min(self.len().saturating_sub(1))
            }
            Flow::Listed(items) => items
                .partition_point(|&item| first_of(item) <= block)
                .saturating_sub(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(flow: &Flow) -> Vec<Item> {
        flow.range(0..flow.len()).collect()
    }

    #[test]
    fn a_plain_flow_is_every_block_around_the_front_matter_line() {
        for items in [
            vec![Item::block(0), Item::block(1), Item::block(2)],
            vec![Item::Meta, Item::block(0), Item::block(1)],
            vec![Item::block(0), Item::Meta, Item::block(1)],
        ] {
            let flow = Flow::of(items.clone());
            assert!(matches!(flow, Flow::Plain { .. }), "{items:?}");
            assert_eq!(listed(&flow), items);
            assert_eq!(flow.get(items.len()), None);
        }
    }

    #[test]
    fn collapsed_runs_keep_the_list() {
        let items = vec![Item::block(0), Item::collapsed(0), Item::block(3)];
        let flow = Flow::of(items.clone());
        assert!(matches!(flow, Flow::Listed(_)));
        assert_eq!(listed(&flow), items);
    }

    #[test]
    fn pushing_what_does_not_follow_turns_a_plain_flow_into_a_list() {
        let mut flow = Flow::default();
        flow.push(Item::block(0));
        flow.push(Item::Meta);
        flow.push(Item::block(1));
        assert!(matches!(flow, Flow::Plain { .. }));
        flow.push(Item::collapsed(0));
        assert!(matches!(flow, Flow::Listed(_)));
        assert_eq!(
            listed(&flow),
            [
                Item::block(0),
                Item::Meta,
                Item::block(1),
                Item::collapsed(0)
            ]
        );
    }

    #[test]
    fn the_item_of_a_block_counts_the_front_matter_line_as_the_block_after_it() {
        // Meta counts as block 1 when it is after block 0 (see `Layout::first_of`).
        let flow = Flow::of(vec![Item::block(0), Item::Meta, Item::block(1)]);
        let first_of = |item: Item| match item {
            Item::Block(b) => b as usize,
            _ => 1,
        };
        let listed = Flow::Listed(listed(&flow));
        for block in 0..3 {
            assert_eq!(
                flow.last_at_or_before(block, first_of),
                listed.last_at_or_before(block, first_of),
                "block {block}"
            );
        }
    }
}
