//! A document's time budget.
//!
//! Typst cannot be stopped from outside, and a template's loop of 10^10
//! steps runs for hours. So each layout runs on a thread of its own, and
//! the document waits for it no longer than its budget (`limits.seconds`
//! in dokgen.yaml). A thread over its budget is left to finish unheard:
//! Rust cannot stop a thread, and the process ends it when dokgen ends. It
//! is counted, so that a long-lived `dokgen serve` refuses to start more
//! layouts than the machine has cores while such threads still run.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Error, Result, io_reason};
use crate::message::Message;
use crate::msg;

/// Layout threads of this process still running past their budget.
static RUNAWAYS: AtomicUsize = AtomicUsize::new(0);

/// How many threads of this process still run past their budget.
pub(crate) fn runaways() -> usize {
    RUNAWAYS.load(Ordering::SeqCst)
}

/// The time left to one document's layouts, which may be several (see
/// `HYPHENATION_ROUNDS`).
pub(crate) struct Budget {
    given: Duration,
    /// What is being done.
    work: Work,
    deadline: Instant,
    /// Whether its work yields to the process's other threads.
    behind: bool,
}

/// The work a budget is spent on, as its messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Work {
    /// Rendering a template (Tera).
    Rendering,
    /// Laying the document out (Typst).
    Typesetting,
    /// Exporting the laid-out document (the PDF).
    Exporting,
}

impl Work {
    /// The work as a message names it: "typesetting".
    fn name(self) -> Message {
        match self {
            Work::Rendering => msg!("typeset-work-rendering"),
            Work::Typesetting => msg!("typeset-work-typesetting"),
            Work::Exporting => msg!("typeset-work-exporting"),
        }
    }
}

/// Where a layout thread stands, as the thread and its waiter agree.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Running,
    /// Its waiter gave up on it: it counts in [`RUNAWAYS`] until it ends.
    Abandoned,
    Done,
}

/// What a layout thread sends back: its input and result, or its panic.
type Outcome<I, T> = std::thread::Result<(I, Result<T>)>;

impl Budget {
    /// A budget of `given`, from now.
    pub(crate) fn start(given: Duration, work: Work) -> Self {
        // A budget of a year is as good as none, and cannot overflow.
        let given = given.min(Duration::from_secs(365 * 24 * 60 * 60));
        Self {
            given,
            work,
            deadline: Instant::now() + given,
            behind: false,
        }
    }

    /// The same budget, its work done at a lower priority than the other
    /// threads of the process where `behind` (work that someone is not
    /// waiting for, such as a preview's PDF once its pages are shown).
    pub(crate) fn behind(self, behind: bool) -> Self {
        Self { behind, ..self }
    }

    /// Runs `work` on `input` on a thread of its own and gives back the
    /// input and what the work made; an error once the budget is spent. A
    /// panic of the work is resumed here, so that the caller's guard sees
    /// it as if the work had run on its own thread.
    pub(crate) fn run<I, T>(
        &self,
        input: I,
        work: impl FnOnce(&I) -> Result<T> + Send + 'static,
    ) -> Result<(I, T)>
    where
        I: Send + 'static,
        T: Send + 'static,
    {
        let running = RUNAWAYS.load(Ordering::SeqCst);
        if running >= most_runaways() {
            return Err(too_many(running));
        }
        let state = Arc::new(Mutex::new(State::Running));
        let (send, receive) = mpsc::channel::<Outcome<I, T>>();
        let theirs = state.clone();
        let behind = self.behind;
        let spawned = std::thread::Builder::new()
            .name("dokgen-layout".to_owned())
            .stack_size(STACK)
            .spawn(move || {
                if behind {
                    crate::pool::lower_priority();
                }
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let made = work(&input);
                    (input, made)
                }));
                let mut state = theirs.lock().unwrap_or_else(|e| e.into_inner());
                if *state == State::Abandoned {
                    RUNAWAYS.fetch_sub(1, Ordering::SeqCst);
                }
                *state = State::Done;
                // The waiter may have stopped listening: nothing to do then.
                let _ = send.send(outcome);
            });
        if let Err(err) = spawned {
            return Err(Diagnostic::error(msg!(
                "typeset-budget-no-thread",
                work = self.work.name(),
                reason = io_reason(&err)
            ))
            .into());
        }
        let left = self.deadline.saturating_duration_since(Instant::now());
        match receive.recv_timeout(left) {
            Ok(Ok((input, made))) => made.map(|made| (input, made)),
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let mut state = state.lock().unwrap_or_else(|e| e.into_inner());
                if *state == State::Running {
                    *state = State::Abandoned;
                    RUNAWAYS.fetch_add(1, Ordering::SeqCst);
                }
                Err(self.spent())
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                Err(Diagnostic::error(msg!("typeset-budget-no-result")).into())
            }
        }
    }

    fn spent(&self) -> Error {
        Diagnostic::error(msg!(
            "typeset-budget-spent",
            work = self.work.name(),
            seconds = self.given.as_secs()
        ))
        .hint(msg!("typeset-budget-spent-hint"))
        .into()
    }
}

/// The stack of a layout thread: Typst's own limit on nesting, not the
/// stack, is what a deep template meets first.
const STACK: usize = 16 * 1024 * 1024;

/// How many layout threads over their budget may run before no more
/// layouts are started: one per core, which they would otherwise keep busy.
fn most_runaways() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn too_many(running: usize) -> Error {
    Diagnostic::error(msg!("typeset-budget-too-many", running))
        .hint(msg!("typeset-budget-too-many-hint"))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_within_its_budget_gives_back_its_input_and_result() {
        let budget = Budget::start(Duration::from_secs(60), Work::Typesetting);
        let (input, made) = budget.run(20, |n| Ok(n + 1)).unwrap();
        assert_eq!((input, made), (20, 21));
    }

    #[test]
    fn work_over_its_budget_is_an_error_and_is_left_running() {
        let budget = Budget::start(Duration::from_millis(50), Work::Typesetting);
        let err = budget
            .run((), |()| {
                std::thread::sleep(Duration::from_millis(400));
                Ok(())
            })
            .unwrap_err();
        let message = err.diagnostics()[0].message.text(crate::message::Lang::En);
        assert!(message.contains("time budget of 0 s"), "{message}");
        // The thread ends on its own, and is no longer counted.
        std::thread::sleep(Duration::from_millis(600));
        assert_eq!(RUNAWAYS.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_panic_of_the_work_reaches_the_caller() {
        let budget = Budget::start(Duration::from_secs(60), Work::Typesetting);
        let caught = std::panic::catch_unwind(|| {
            let _ = budget.run((), |()| -> Result<()> { panic!("in the layout") });
        });
        let panic = caught.unwrap_err();
        assert_eq!(panic.downcast_ref::<&str>(), Some(&"in the layout"));
    }
}
