use std::process::ExitCode;

// See Cargo.toml for why.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use clap::Parser;

fn main() -> ExitCode {
    let cli = flasklint::cli::Cli::parse();
    ExitCode::from(flasklint::cli::run(cli))
}
