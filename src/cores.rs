//! Work spread over the cores: pure, no IO of its own. The library's scan, its listing, a
//! retag and the analysis read files through it; the notes view filters with it.

/// `work` on every item, spread over the cores, the answers in the items' order. A share of
/// work that panics gives `lost` for each of its items.
pub fn on_every_core<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    lost: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    on_threads(cores, items, work, lost)
}

/// [`on_every_core`] on `threads` threads: more than the cores for work that mostly waits
/// for the disk.
pub fn on_threads<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    lost: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let share = items.len().div_ceil(threads.max(1)).max(1);
    let (work, lost) = (&work, &lost);
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(share)
            .map(|part| {
                (
                    part,
                    scope.spawn(move || part.iter().map(work).collect::<Vec<R>>()),
                )
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|(part, handle)| {
                handle
                    .join()
                    .unwrap_or_else(|_| part.iter().map(lost).collect())
            })
            .collect()
    })
}
