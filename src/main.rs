//! The `northwind` binary: parse the command line, call the library, turn an
//! error into a message and an exit code (0 ok, 1 internal, 2 bad input or usage).

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::ExitCode;

use clap::Parser;
use northwind::cli::{Cli, Command};
use northwind::config::Config;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // argv[0] is replaced by the tool's name, so that the manifest does not
    // depend on where the binary was built.
    let command_line: Vec<String> =
        std::iter::once("northwind".to_string()).chain(std::env::args().skip(1)).collect();
    let outcome = match &cli.command {
        Command::Run(args) => {
            Config::from_flags(args.settings(), command_line).and_then(|config| {
                let summary = northwind::run(&config)?;
                for warning in &summary.warnings {
                    eprintln!("northwind: warning: {warning}");
                }
                if !config.quiet {
                    println!("{}", summary.inputs);
                    println!("wrote {} ({} files)", summary.out_dir.display(), summary.files.len());
                    println!("{}", summary.headline);
                }
                Ok(())
            })
        }
        Command::Synth(args) => northwind::synth(args).map(|message| println!("{message}")),
        Command::Check(args) => {
            Config::from_flags(args.settings(), command_line).and_then(|config| {
                let summary = northwind::check(&config)?;
                if !config.quiet {
                    println!("{summary}");
                }
                Ok(())
            })
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("northwind: {error}");
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::from(error.exit_code())
        }
    }
}
