//! The one worker pool: work on every item of a list, on as many threads
//! as asked, each result handed to the caller's thread as it is done.
//!
//! The build makes its documents with it, plans them with it (hashing
//! their inputs), and the preview typesets with it. Each worker takes the
//! next item as it is free, so a long document does not hold up the
//! short ones behind it; the caller hears of each result in the order
//! they finish, on its own thread, and may act between them (write a
//! file, tell a progress bar, let Typst forget what no document used).
//!
//! Threads of the standard library's scope, not a crate's pool: a
//! document's layout runs on a thread of its own within its time budget
//! (`typeset::budget`), so a worker mostly waits, and Typst's own
//! parallelism keeps its pool to itself.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How a pool's threads run beside other work of the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Priority {
    /// As any other thread.
    #[default]
    Normal,
    /// After other work of the machine: documents no one is looking at.
    Background,
}

/// The number of workers for `asked`, or one per core.
pub(crate) fn workers(asked: Option<usize>) -> usize {
    asked
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// How many of `workers` work at once on `items` items: no more than
/// there are items, and one at least.
pub(crate) fn at_once(workers: usize, items: usize) -> usize {
    workers.clamp(1, items.max(1))
}

/// Runs `work` on each of `items` on at most `workers` threads at
/// `priority`; `state` makes each worker's own state (a cache it keeps
/// from one item to the next). `done` hears of each result on the calling
/// thread as it comes: the item's index and what `work` gave.
pub(crate) fn run<T, S, R>(
    items: &[T],
    workers: usize,
    priority: Priority,
    state: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> R + Sync,
    mut done: impl FnMut(usize, R),
) where
    T: Sync,
    R: Send,
{
    let workers = at_once(workers, items.len());
    let next = AtomicUsize::new(0);
    let (state, work, next) = (&state, &work, &next);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 0..workers {
            let tx = tx.clone();
            scope.spawn(move || {
                if priority == Priority::Background {
                    lower_priority();
                }
                let mut own = state();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if tx.send((i, work(&mut own, item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            done(i, result);
        }
    });
}

/// Lowers the priority of the calling thread (its nice value on Linux,
/// where each thread has its own), so that other work on the machine goes
/// first; elsewhere, nothing.
pub(crate) fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its plain integer arguments; on Linux
    // `who == 0` with PRIO_PROCESS names the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_worked_once_and_each_result_told_on_the_callers_thread() {
        let items: Vec<u64> = (1..=100).collect();
        let caller = std::thread::current().id();
        let mut seen = vec![None; items.len()];
        run(
            &items,
            4,
            Priority::Normal,
            || 0u64,
            |count, n| {
                *count += 1;
                n * n
            },
            |i, square| {
                assert_eq!(std::thread::current().id(), caller);
                assert!(seen[i].replace(square).is_none(), "item {i} told twice");
            },
        );
        let squares: Vec<u64> = seen.into_iter().map(Option::unwrap).collect();
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    fn no_items_and_more_workers_than_items_are_fine() {
        run(
            &[] as &[u8],
            8,
            Priority::Background,
            || (),
            |_, _| (),
            |_, ()| panic!("nothing to tell"),
        );
        let mut told = 0;
        run(
            &[1],
            8,
            Priority::Normal,
            || (),
            |_, n| *n,
            |_, n| told += n,
        );
        assert_eq!(told, 1);
    }
}
