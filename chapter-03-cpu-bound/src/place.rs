//! Where the calls run: the chapter's four places, in parts 1 and 2 alike.

/// Where the calls run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Place {
    /// On one event loop (a tokio current-thread runtime).
    Loop,
    /// On one OS thread per call.
    Threads,
    /// On one OS thread per call, under a model of Python's GIL.
    Gil,
    /// As async tasks on a multi-threaded tokio runtime.
    Tasks,
}

impl Place {
    /// Every place, in the order the chapter runs them.
    pub const ALL: [Place; 4] = [Place::Loop, Place::Threads, Place::Gil, Place::Tasks];

    /// The place's name on the command line and in tables.
    pub fn name(self) -> &'static str {
        match self {
            Place::Loop => "loop",
            Place::Threads => "threads",
            Place::Gil => "gil",
            Place::Tasks => "tasks",
        }
    }
}
