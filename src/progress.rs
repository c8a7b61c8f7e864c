//! A progress spinner on stderr for steps that can take more than a second.
//! Hidden with `--quiet`, and (by indicatif) whenever stderr is not a terminal,
//! so logs and pipes stay clean.
//!
//! With the environment variable `NORTHWIND_TIMINGS=1`, each step's wall time
//! is also printed to stderr when it ends (for docs/PERFORMANCE.md).

use std::cell::RefCell;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The run's progress display.
pub struct Progress(ProgressBar, RefCell<Option<(&'static str, Instant)>>);

impl Progress {
    /// A spinner, drawn on stderr unless `quiet`.
    pub fn new(quiet: bool) -> Self {
        let target =
            if quiet { ProgressDrawTarget::hidden() } else { ProgressDrawTarget::stderr() };
        let bar = ProgressBar::with_draw_target(None, target);
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        let timing = std::env::var_os("NORTHWIND_TIMINGS").is_some_and(|v| v == "1");
        Progress(bar, RefCell::new(timing.then(|| ("starting", Instant::now()))))
    }

    /// Announces the next step.
    pub fn step(&self, message: &'static str) {
        self.time_step(Some(message));
        self.0.set_message(message);
    }

    /// Clears the spinner.
    pub fn finish(&self) {
        self.time_step(None);
        self.0.finish_and_clear();
    }

    fn time_step(&self, next: Option<&'static str>) {
        let mut timing = self.1.borrow_mut();
        if let Some((step, start)) = timing.take() {
            if step != "starting" {
                self.0.suspend(|| {
                    eprintln!("northwind: {step}: {:.3} s", start.elapsed().as_secs_f64());
                });
            }
            *timing = next.map(|n| (n, Instant::now()));
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
