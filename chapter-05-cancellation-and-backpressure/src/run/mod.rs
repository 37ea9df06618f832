//! What the program does with its command line: the parts asked for, each
//! measured, reported, recorded and drawn. `main.rs` parses the arguments
//! into a [`Config`] and calls [`run`]; `shared::exit` turns the outcome
//! into the exit code.

pub mod backpressure;
pub mod cancel;
pub mod state;

use shared::cli::say;
use shared::exit::{self, Error};
use shared::shutdown::Shutdown;

use crate::config::{Config, Part};
use crate::observe::records;
use crate::{pictures, report};

/// Runs the parts `config` asks for; Ctrl-C (`shutdown`) ends the run
/// between experiments.
pub fn run(config: &Config, shutdown: &Shutdown) -> Result<(), Error> {
    let mut json = config.json.as_deref().map(exit::json_file).transpose()?;
    let pictures = config.pictures.as_deref().map(exit::pictures_dir).transpose()?;
    let mut records = Vec::new();
    if config.part.runs(Part::Cancel) {
        let Some(run) =
            cancel::run(config.steps, config.limit, config.messages, shutdown)?
        else {
            return stopped();
        };
        report::cancel(&run);
        records.extend(records::cancel(&run));
        if let Some(dir) = &pictures {
            pictures::write(
                dir,
                "chapter-05-cancellation-and-backpressure-deadlines.svg",
                pictures::deadlines(&run).render(),
            )?;
        }
    }
    if config.part.runs(Part::Backpressure) {
        let sizes = backpressure::Sizes {
            items: config.items,
            bound: config.bound,
            requests: config.requests,
            permits: config.permits,
            service_wait: config.service_wait,
        };
        let Some(run) = backpressure::run(sizes, shutdown)? else {
            return stopped();
        };
        if config.part == Part::All {
            say("");
        }
        report::backpressure(&run);
        records.extend(records::backpressure(&run));
        if let Some(dir) = &pictures {
            let chart = pictures::memory(&run.channels).render();
            pictures::write(
                dir,
                "chapter-05-cancellation-and-backpressure-memory.svg",
                chart,
            )?;
        }
    }
    if shutdown.is_requested() {
        return stopped();
    }
    if config.part.runs(Part::State) {
        if config.part == Part::All {
            say("");
        }
        report::state(&state::run()?);
    }
    if let Some(json) = json.as_mut() {
        json.write(&records).map_err(Error::Failed)?;
    }
    Ok(())
}

/// Ctrl-C came: the parts that ran are above; the exit code says the rest.
fn stopped() -> Result<(), Error> {
    say("stopped by Ctrl-C: the parts that ran are reported above");
    Ok(())
}
