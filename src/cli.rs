//! Command-line arguments and what each command does. Exit codes: 0 nothing found, 1 findings
//! (or files that could not be analysed), 2 usage errors or no input.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::baseline;
use crate::check::{self, DEFAULT_MAX_FILE_BYTES, Settings};
use crate::config::{self, ConfigArgs};
use crate::report::{self, Format};
use crate::rules;

#[derive(Parser, Debug)]
#[command(
    name = "flasklint",
    version,
    about = "Security linter for Flask: JWT misuse, authorization design, secrets"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check Python files and directories (default: the current directory).
    Check(Box<CheckArgs>),
    /// List every rule: id, name, severity, summary.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Show a rule's full documentation (by id or name, e.g. FL101).
    Rule { rule: String },
    /// List every route: methods, URL rule, handler, authentication, identity, authorization.
    Routes(RoutesArgs),
}

#[derive(clap::Args, Debug)]
pub struct RoutesArgs {
    /// Files and directories to map (default: the current directory).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
    /// Skip files and directories matching GLOB (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files and directories to check. Files named here are always checked.
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Skip files and directories matching GLOB (repeatable), on top of the default excludes;
    /// replaces the configuration's `exclude`.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Worker threads (default: one per core). Output is identical whatever the count.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Report files larger than this many bytes instead of parsing them.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_BYTES)]
    pub max_file_size: u64,
    /// When to colour text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Let a bare `# noqa` (no codes) silence flasklint's findings too; by default only
    /// `# noqa: FL101` or `# flasklint: ignore[FL101]` naming the rule does.
    #[arg(long)]
    pub noqa_all: bool,
    /// Also list the findings that suppression comments silence (they never affect the exit code).
    #[arg(long)]
    pub show_suppressed: bool,
    /// Record the current findings in FILE (by fingerprint) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings not recorded in FILE (written by --write-baseline).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// `flasklint rules` prints a catalogue, not findings, so only these two formats apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Check(args) => check_command(*args),
        Command::Routes(args) => routes_command(args),
        Command::Rules { format } => {
            print(&rules_table(format));
            EXIT_CLEAN
        }
        Command::Rule { rule } => match rules::find(&rule) {
            Some(meta) => {
                print(&format!(
                    "{} {} ({} severity, CWE-{})\n\n{}",
                    meta.id,
                    meta.name,
                    meta.severity,
                    meta.cwe
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", CWE-"),
                    meta.body
                ));
                EXIT_CLEAN
            }
            None => {
                eprintln!("flasklint: no rule `{rule}`; `flasklint rules` lists them");
                EXIT_USAGE
            }
        },
    }
}

fn routes_command(args: RoutesArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    if let Some(missing) = paths.iter().find(|p| std::fs::symlink_metadata(p).is_err()) {
        eprintln!(
            "flasklint: {}: no such file or directory",
            missing.display()
        );
        return EXIT_USAGE;
    }
    let mut settings = Settings::new(paths);
    settings.excludes = args.exclude;
    match check::run(&settings) {
        Ok(outcome) => {
            print(&match args.format {
                RulesFormat::Text => report::routes::render_text(&outcome),
                RulesFormat::Json => report::routes::render_json(&outcome),
            });
            EXIT_CLEAN
        }
        Err(message) => {
            eprintln!("flasklint: {message}");
            EXIT_USAGE
        }
    }
}

fn check_command(args: CheckArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let missing: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .collect();
    if !missing.is_empty() {
        for path in missing {
            eprintln!("flasklint: {}: no such file or directory", path.display());
        }
        return EXIT_USAGE;
    }
    let resolved = match config::load_for(&args.config, &paths)
        .and_then(|config| config::resolve(config, &args.config, &args.exclude))
    {
        Ok(resolved) => resolved,
        Err(message) => {
            eprintln!("flasklint: {message}");
            return EXIT_USAGE;
        }
    };
    let settings = Settings {
        paths,
        excludes: resolved.excludes,
        threads: args.threads.map(usize::from),
        max_file_bytes: args.max_file_size,
        noqa_all: args.noqa_all,
        rules: resolved.rules,
        per_file_ignores: resolved.per_file_ignores,
        severity_overrides: resolved.severity_overrides,
        include_tests: resolved.include_tests,
    };
    let known = match args.baseline.as_deref().map(baseline::read).transpose() {
        Ok(known) => known,
        Err(message) => {
            eprintln!("flasklint: {message}");
            return EXIT_USAGE;
        }
    };
    let mut outcome = match check::run(&settings) {
        Ok(outcome) => outcome,
        Err(message) => {
            eprintln!("flasklint: {message}");
            return EXIT_USAGE;
        }
    };
    if outcome.files_checked == 0 && outcome.errors.is_empty() {
        eprintln!("flasklint: no Python files found under the given paths");
        return EXIT_USAGE;
    }
    if let Some(path) = &args.write_baseline {
        if let Err(error) = std::fs::write(path, baseline::render(&outcome)) {
            eprintln!("flasklint: cannot write {}: {error}", path.display());
            return EXIT_USAGE;
        }
        eprintln!(
            "flasklint: recorded {} findings in {}",
            outcome.findings.len(),
            path.display()
        );
        return EXIT_CLEAN;
    }
    if let Some(known) = &known {
        baseline::apply(&mut outcome, known);
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let text = report::render(
        &outcome,
        &report::Options {
            format: args.format,
            color,
            show_suppressed: args.show_suppressed,
        },
    );
    match &args.output {
        Some(path) => {
            if let Err(error) = std::fs::write(path, text) {
                eprintln!("flasklint: cannot write {}: {error}", path.display());
                return EXIT_USAGE;
            }
        }
        None => print(&text),
    }
    let failing = outcome
        .findings
        .iter()
        .any(|finding| finding.severity >= resolved.fail_on);
    if failing || !outcome.errors.is_empty() {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn rules_table(format: RulesFormat) -> String {
    let all = rules::all();
    match format {
        RulesFormat::Json => {
            let rows: Vec<serde_json::Value> = all
                .iter()
                .map(|(meta, _)| {
                    serde_json::json!({
                        "id": meta.id,
                        "name": meta.name,
                        "severity": meta.severity.as_str(),
                        "level": meta.severity.level().as_str(),
                        "cwe": meta.cwe,
                        "summary": meta.summary,
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&rows).unwrap_or_default();
            text.push('\n');
            text
        }
        RulesFormat::Text => {
            let name_width = all.iter().map(|(m, _)| m.name.len()).max().unwrap_or(4);
            let mut text = format!(
                "{:<6} {:<name_width$} {:<8} SUMMARY\n",
                "ID", "NAME", "SEVERITY"
            );
            for (meta, _) in all {
                text.push_str(&format!(
                    "{:<6} {:<name_width$} {:<8} {}\n",
                    meta.id,
                    meta.name,
                    meta.severity.as_str(),
                    meta.summary
                ));
            }
            text
        }
    }
}

/// Writes to stdout; a closed pipe (`flasklint check | head`) is not an error worth a panic.
fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
