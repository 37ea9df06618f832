//! The course's exercises as the `exercises` command knows them: each one's
//! number, title, the file the learner edits, the reference solution, what
//! its check measures, and its hints; and the learner's progress.
//!
//! The checks themselves are in `book/exercises/checks/`; each exercise's
//! runner, `book/exercises/exN_M.rs`, compiles the learner's file with its
//! check (the `exercises` feature gates those examples, so that
//! `cargo test` does not build them).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

use crate::workspace;

/// One exercise that asks for code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exercise {
    /// `chapter.exercise`, as the chapter's page numbers it: `2.1`.
    pub id: &'static str,
    /// The title on the page.
    pub title: &'static str,
    /// The file the learner edits, from the workspace root.
    pub file: &'static str,
    /// What the check measures, in a few words.
    pub measures: &'static str,
    /// Hints, the gentlest first.
    pub hints: &'static [&'static str],
}

impl Exercise {
    /// The example that runs this exercise's check: `ex2_1`.
    pub fn runner(&self) -> String {
        format!("ex{}", self.id.replace('.', "_"))
    }

    /// The reference solution, beside the starter: `exercises/solutions/`.
    pub fn solution(&self) -> String {
        let (dir, name) =
            self.file.rsplit_once('/').expect("a starter is in a directory");
        format!("{dir}/solutions/{name}")
    }
}

/// Every exercise that has a starter file and a check, in the book's order.
pub const EXERCISES: &[Exercise] = &[
    Exercise {
        id: "1.1",
        title: "Watch the order",
        file: "chapter-01-event-loop/exercises/ex1_watch_the_order.rs",
        measures: "the order the loop ran the callbacks in",
        hints: &[
            "`call_soon` puts a callback on the ready queue; `call_later` puts a timer on a heap ordered by deadline.",
            "Each pass runs the ready queue first, first in first out, then the timers that are due.",
            "Two `call_soon`s run in the order they were made, before any timer; the timers run by deadline, not in the order they were made.",
        ],
    },
    Exercise {
        id: "1.2",
        title: "Starve the timers",
        file: "chapter-01-event-loop/exercises/ex2_starve_the_timers.rs",
        measures: "how often `spin` ran, and whether a 10 ms timer still ran",
        hints: &[
            "`spin` must schedule its own next run: the loop's `call_soon` takes a closure `FnOnce(&mut EventLoop)`.",
            "The closure must own what it uses: `move |event_loop| spin(event_loop, spins, timer_ran)`.",
        ],
    },
    Exercise {
        id: "1.3",
        title: "Burst or delay",
        file: "chapter-01-event-loop/exercises/ex3_burst_or_delay.rs",
        measures: "when each tick came after a stall, on tokio's paused clock",
        hints: &[
            "`MissedTickBehavior` has three values: `Burst`, `Delay` and `Skip`. Read what each does after a missed tick.",
            "The callback re-arms itself one period after it *ran*, whenever that was: which behaviour starts a new schedule from the late tick?",
        ],
    },
    Exercise {
        id: "1.5",
        title: "Give the loop a turn",
        file: "chapter-01-event-loop/exercises/ex5_give_the_loop_a_turn.rs",
        measures: "what two polls of your future return, and the order of the tasks' steps",
        hints: &[
            "Write a struct with a `yielded: bool` field and implement `Future` for it; return it from `yield_now`.",
            "The first poll sets `yielded` and returns `Poll::Pending`; the second returns `Poll::Ready(())`.",
            "Nobody else will wake the task: call `context.waker().wake_by_ref()` before returning `Pending`.",
        ],
    },
    Exercise {
        id: "2.1",
        title: "Yield inside the step",
        file: "chapter-02-mixed-tasks/exercises/ex1_yield_inside_the_step.rs",
        measures: "the worst lateness of a 10 ms ticker against the time of one step",
        hints: &[
            "The function is `async`: it can `.await` between two multiplications.",
            "`if x % 1_000 == 0 { tokio::task::yield_now().await; }` inside the loop.",
        ],
    },
    Exercise {
        id: "2.6",
        title: "Off the loop",
        file: "chapter-02-mixed-tasks/exercises/ex6_off_the_loop.rs",
        measures: "the worst lateness of a 10 ms ticker against the time of one step",
        hints: &[
            "`tokio::task::spawn_blocking` runs a closure on tokio's blocking pool and returns a handle you can `.await`.",
            "The closure must own `limit`: `spawn_blocking(move || product_below(limit)).await`, then unwrap the `JoinError`.",
        ],
    },
    Exercise {
        id: "2.7",
        title: "On smol",
        file: "chapter-02-mixed-tasks/exercises/ex7_on_smol.rs",
        measures: "the worst lateness of a 10 ms smol ticker against the time of one step",
        hints: &[
            "smol re-exports the `blocking` crate's `unblock`.",
            "`smol::unblock(move || product_below(limit)).await`.",
        ],
    },
    Exercise {
        id: "3.6",
        title: "On threads",
        file: "chapter-03-cpu-bound/exercises/ex6_on_threads.rs",
        measures: "how many threads ran the calls, and how many were in progress at once",
        hints: &[
            "`std::thread::scope(|scope| ...)` joins every thread it started before it returns, so they may borrow `call`.",
            "In the scope: `for index in 0..calls { scope.spawn(move || call(index)); }`.",
        ],
    },
    Exercise {
        id: "3.7",
        title: "Release the lock",
        file: "chapter-03-cpu-bound/exercises/ex7_release_the_lock.rs",
        measures: "how many `work()`s were in progress at once, and the total",
        hints: &[
            "The guard that `lock()` returns holds the lock until it is dropped.",
            "Call `work()` first, into a local variable; then take the lock only to add it.",
        ],
    },
    Exercise {
        id: "3.8",
        title: "Off the workers",
        file: "chapter-03-cpu-bound/exercises/ex8_off_the_workers.rs",
        measures: "a heartbeat's beats during the calls, and the calls in progress at once",
        hints: &[
            "`tokio::task::spawn_blocking` needs a `'static` closure: clone the `Arc` into each one.",
            "Spawn them all first, collect the handles, then `.await` each handle.",
        ],
    },
    Exercise {
        id: "4.6",
        title: "Results in call order",
        file: "chapter-04-parallelism/exercises/ex6_results_in_call_order.rs",
        measures: "the order the calls finished in, and the order of the results",
        hints: &[
            "The channel delivers results in the order they were sent, which is the order the calls finished.",
            "Send the input's index with its result, `(index, work(input))`, and put each result at its index in a `Vec` of the right length.",
        ],
    },
    Exercise {
        id: "4.7",
        title: "Kill the worker that hangs",
        file: "chapter-04-parallelism/exercises/ex7_kill_the_worker_that_hangs.rs",
        measures: "when your function returned, and whether the hung worker still ran or was left unreaped",
        hints: &[
            "After the deadline, the worker is still running: `Child::kill` sends it SIGKILL.",
            "A killed process stays in the process table until its parent waits for it: call `child.wait()` after `kill`.",
        ],
    },
    Exercise {
        id: "4.8",
        title: "Hand off to the pool",
        file: "chapter-04-parallelism/exercises/ex8_hand_off_to_the_pool.rs",
        measures: "a heartbeat's beats while the pool computes",
        hints: &[
            "`pool.spawn` runs a closure on the pool and returns at once; the closure needs a way to send the answer back.",
            "`let (sender, answer) = tokio::sync::oneshot::channel();`, send from the pool's closure, then `answer.await`.",
        ],
    },
];

/// `text` broken into lines of at most 78 columns at spaces; lines after
/// the first are indented by two spaces.
pub fn wrap(text: &str) -> String {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.trim().is_empty() && line.chars().count() + 1 + word.chars().count() > 78
        {
            lines.push(format!("  {word}"));
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join("\n")
}

/// The exercise numbered `id`, if there is one.
pub fn find(id: &str) -> Option<&'static Exercise> {
    EXERCISES.iter().find(|exercise| exercise.id == id)
}

/// Where progress is kept: `.exercises-progress` at the workspace root
/// (git ignores it), or the file `COURSE_EXERCISES_PROGRESS` names (the
/// tests' own file, relative to the workspace root unless absolute).
pub fn progress_path() -> PathBuf {
    std::env::var_os("COURSE_EXERCISES_PROGRESS")
        .map(|path| workspace::root().join(path))
        .unwrap_or_else(|| workspace::root().join(".exercises-progress"))
}

/// What the learner has done: exercises passed, hints seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Exercises whose check passed.
    pub done: BTreeSet<String>,
    /// How many hints of each exercise were shown.
    pub hints: BTreeMap<String, usize>,
}

impl Progress {
    /// Reads the progress file; a missing or unreadable one is no progress.
    pub fn load() -> Progress {
        Progress::parse(&fs::read_to_string(progress_path()).unwrap_or_default())
    }

    /// Parses lines `done 2.1` and `hints 2.1 2`; ignores anything else.
    pub fn parse(text: &str) -> Progress {
        let mut progress = Progress::default();
        for line in text.lines() {
            match line.split_whitespace().collect::<Vec<_>>()[..] {
                ["done", id] => {
                    progress.done.insert(id.to_string());
                }
                ["hints", id, shown] => {
                    if let Ok(shown) = shown.parse() {
                        progress.hints.insert(id.to_string(), shown);
                    }
                }
                _ => {}
            }
        }
        progress
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut text = String::new();
        for id in &self.done {
            text.push_str(&format!("done {id}\n"));
        }
        for (id, shown) in &self.hints {
            text.push_str(&format!("hints {id} {shown}\n"));
        }
        text
    }

    /// Writes the progress file.
    pub fn save(&self) -> Result<(), String> {
        let path = progress_path();
        fs::write(&path, self.render())
            .map_err(|err| format!("cannot write {}: {err}", path.display()))
    }

    /// The next hint of `exercise` (the last one again once all were shown),
    /// with its number, and counts it as shown.
    pub fn next_hint(&mut self, exercise: &Exercise) -> (usize, &'static str) {
        let shown = self.hints.entry(exercise.id.to_string()).or_default();
        let index = (*shown).min(exercise.hints.len() - 1);
        *shown = index + 1;
        (index + 1, exercise.hints[index])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_78_columns() {
        let text = "word ".repeat(40);
        let wrapped = wrap(&text);
        assert!(wrapped.lines().all(|line| line.len() <= 78), "{wrapped}");
        assert_eq!(wrapped.split_whitespace().count(), 40);
    }

    #[test]
    fn progress_survives_a_round_trip() {
        let mut progress = Progress::default();
        progress.done.insert("2.1".into());
        progress.hints.insert("1.5".into(), 2);
        assert_eq!(Progress::parse(&progress.render()), progress);
    }

    #[test]
    fn hints_come_one_at_a_time_then_the_last_again() {
        let exercise = find("2.1").unwrap();
        let mut progress = Progress::default();
        assert_eq!(progress.next_hint(exercise).0, 1);
        assert_eq!(progress.next_hint(exercise).0, 2);
        assert_eq!(progress.next_hint(exercise).0, 2);
    }
}
