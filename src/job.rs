//! One kind of background job for everything slow: exports, decks, overlay loads and
//! their pictures, reloads, tile packs. A job runs on its own thread, reports progress,
//! can be cancelled, and always ends: with its result, with its error, or, when the
//! worker panics or vanishes, with an error saying so. Never an endless spinner.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};

/// A job's thread stack: a generous 16 MiB (Rust's default is 2 MiB).
const JOB_STACK_BYTES: usize = 16 << 20;

/// What a worker shares with the job's owner.
#[derive(Default)]
struct Shared {
    cancelled: AtomicBool,
    done: AtomicU64,
    total: AtomicU64,
    stage: Mutex<String>,
}

/// The worker's side of a job: progress, stage, and whether to stop.
pub struct JobHandle {
    shared: Arc<Shared>,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl JobHandle {
    /// True once the owner asked the job to stop; the worker should return soon.
    pub fn is_cancelled(&self) -> bool {
        self.shared.cancelled.load(Ordering::Relaxed)
    }

    /// `done` of `total` steps are done.
    pub fn set_progress(&self, done: u64, total: u64) {
        self.shared.done.store(done, Ordering::Relaxed);
        self.shared.total.store(total, Ordering::Relaxed);
        (self.wake)();
    }

    /// What the worker is doing now, shown beside the progress.
    pub fn set_stage(&self, stage: &str) {
        if let Ok(mut current) = self.shared.stage.lock() {
            stage.clone_into(&mut current);
        }
        self.set_progress(0, 0);
    }
}

/// How a job stands.
#[derive(Debug, PartialEq)]
pub enum Polled<T> {
    /// Still working.
    Running,
    /// Finished with this result.
    Finished(T),
    /// Ended with this error (a failure, a cancellation, or a worker that died).
    Failed(String),
}

/// A job under way; dropping it asks the worker to stop.
pub struct Job<T> {
    what: String,
    shared: Arc<Shared>,
    receiver: Receiver<Result<T, String>>,
    ended: bool,
}

impl<T> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("what", &self.what)
            .field("progress", &self.progress())
            .finish()
    }
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread named after `what` ("export", "reload", …). `wake` is
    /// called whenever there is news (progress, the end), to repaint the window.
    pub fn spawn(
        what: &str,
        wake: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce(&JobHandle) -> Result<T, String> + Send + 'static,
    ) -> Self {
        let shared = Arc::new(Shared::default());
        let (sender, receiver) = channel();
        let handle = JobHandle {
            shared: shared.clone(),
            wake: Arc::new(wake),
        };
        let failure_sender = sender.clone();
        let spawned = std::thread::Builder::new()
            .name(what.to_owned())
            // Room for the deep (bounded) recursion of simplification and triangulation.
            .stack_size(JOB_STACK_BYTES)
            .spawn(move || {
                // A panic is turned into an error the user sees; the owner goes on.
                let outcome =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&handle)))
                        .unwrap_or_else(|panic| {
                            Err(format!("it crashed ({})", message_of(&panic)))
                        });
                let _ = sender.send(outcome);
                (handle.wake)();
            });
        if let Err(e) = spawned {
            let _ = failure_sender.send(Err(format!("it could not start ({e})")));
        }
        Self {
            what: what.to_owned(),
            shared,
            receiver,
            ended: false,
        }
    }

    /// The result once the worker is done; `Running` until then. A worker that went
    /// away without a result is a failure. After the end, `Failed` again.
    pub fn poll(&mut self) -> Polled<T> {
        if self.ended {
            return Polled::Failed(format!("the {} has already ended", self.what));
        }
        let polled = match self.receiver.try_recv() {
            Err(TryRecvError::Empty) => return Polled::Running,
            Ok(Ok(value)) => Polled::Finished(value),
            Ok(Err(e)) => Polled::Failed(e),
            Err(TryRecvError::Disconnected) => {
                Polled::Failed("its worker stopped without an answer".to_owned())
            }
        };
        self.ended = true;
        polled
    }
}

impl<T> Job<T> {
    /// Asks the worker to stop; it ends with its own error (usually "cancelled").
    pub fn cancel(&self) {
        self.shared.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.shared.cancelled.load(Ordering::Relaxed)
    }

    /// Steps done and in all, as the worker last said (0 of 0 before it says).
    pub fn progress(&self) -> (u64, u64) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
        )
    }

    /// The fraction done, 0..=1 (0 before the worker says).
    pub fn fraction(&self) -> f32 {
        match self.progress() {
            (_, 0) => 0.0,
            (done, total) => (done as f64 / total as f64).clamp(0.0, 1.0) as f32,
        }
    }

    /// What the worker said it is doing.
    pub fn stage(&self) -> String {
        self.shared
            .stage
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
    }

    /// What the job is, as named when it was started.
    pub fn what(&self) -> &str {
        &self.what
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        // Nobody will read the result: let the worker stop early if it looks.
        self.cancel();
    }
}

fn message_of(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// Polls until the job ends, up to a generous deadline.
    fn wait<T: Send + 'static>(job: &mut Job<T>) -> Polled<T> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match job.poll() {
                Polled::Running if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                other => return other,
            }
        }
    }

    #[test]
    fn a_job_ends_with_its_result_and_its_progress() {
        let mut job = Job::spawn(
            "sum",
            || {},
            |handle| {
                handle.set_progress(3, 4);
                Ok(2 + 2)
            },
        );
        assert_eq!(wait(&mut job), Polled::Finished(4));
        assert_eq!(job.progress(), (3, 4));
        assert!(matches!(job.poll(), Polled::Failed(_)));
    }

    #[test]
    fn a_worker_that_panics_becomes_an_error_that_says_so() {
        let mut job: Job<()> = Job::spawn("export", || {}, |_| panic!("out of cheese"));
        match wait(&mut job) {
            Polled::Failed(message) => {
                assert!(message.contains("crashed (out of cheese)"), "{message}")
            }
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn a_cancelled_job_ends_when_its_worker_looks() {
        let mut job: Job<()> = Job::spawn(
            "slow",
            || {},
            |handle| {
                while !handle.is_cancelled() {
                    std::thread::sleep(Duration::from_millis(1));
                }
                Err("cancelled".to_owned())
            },
        );
        job.cancel();
        assert_eq!(wait(&mut job), Polled::Failed("cancelled".to_owned()));
    }
}
