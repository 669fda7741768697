use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = flasklint::cli::Cli::parse();
    ExitCode::from(flasklint::cli::run(cli))
}
