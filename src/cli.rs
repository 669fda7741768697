//! Command-line arguments and what each command does. Exit codes: 0 nothing found, 1 findings
//! (or files that could not be analysed), 2 usage errors or no input.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::baseline;
use crate::check::{self, DEFAULT_MAX_FILE_BYTES, Settings};
use crate::config::{self, ConfigArgs};
use crate::fix;
use crate::report::{self, Format};
use crate::rules;
use crate::write;

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
    /// List the token-library, Flask and Werkzeug versions the project allows, and where each is
    /// declared (requirements files, pyproject.toml, setup.cfg, Pipfile, lock files).
    Deps(DepsArgs),
    /// Run the language server (LSP over standard input and output) for editors: live
    /// diagnostics, quick fixes and rule documentation on hover. See the README's "Editors".
    Server(ServerArgs),
}

#[derive(clap::Args, Debug)]
pub struct ServerArgs {
    /// Accepted and ignored: standard input and output are the only transport, and some
    /// editors' LSP clients add this flag to the command.
    #[arg(long, hide = true)]
    pub stdio: bool,
}

#[derive(clap::Args, Debug)]
pub struct DepsArgs {
    /// Files and directories whose projects to list (default: the current directory).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
    /// Skip files and directories matching GLOB (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub struct RoutesArgs {
    /// Files and directories to map (default: the current directory).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
    /// Skip files and directories matching GLOB (repeatable); replaces the configuration's
    /// `exclude`.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Read the configuration from FILE instead of searching for one.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
}

#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("fix_mode").args(["fix", "diff"]).multiple(true)))]
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
    /// Parse every Python file, not only those that can hold a finding (files that use Flask or
    /// a token library, name a Flask secret or debug setting, or are linked to one by imports).
    /// Slower; findings are the same, but syntax errors are reported for every file.
    #[arg(long)]
    pub all_files: bool,
    /// Record the current findings in FILE (by fingerprint) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings not recorded in FILE (written by --write-baseline).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Apply the safe fixes of the reported findings in place, then report what remains.
    #[arg(long, conflicts_with = "write_baseline")]
    pub fix: bool,
    /// With --fix or --diff, apply the unsafe fixes too: they change behaviour on purpose
    /// (most security fixes do), so review them.
    #[arg(long, requires = "fix_mode")]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what the fixes would change instead of writing it (and no
    /// report); exit 1 when there is something to fix.
    #[arg(long, conflicts_with = "write_baseline")]
    pub diff: bool,
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
        Command::Deps(args) => deps_command(args),
        Command::Server(_) => crate::server::run(),
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

/// The paths a command works on (the current directory when none are given); `None`, after
/// naming each one on stderr, when some do not exist.
fn input_paths(paths: Vec<PathBuf>) -> Option<Vec<PathBuf>> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    };
    let missing: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .collect();
    for path in &missing {
        eprintln!("flasklint: {}: no such file or directory", path.display());
    }
    missing.is_empty().then_some(paths)
}

fn routes_command(args: RoutesArgs) -> u8 {
    let Some(paths) = input_paths(args.paths) else {
        return EXIT_USAGE;
    };
    // The files, rules and per-file ignores `check` would use, so the findings column
    // agrees with it.
    let config_args = config::ConfigArgs {
        config: args.config,
        isolated: args.isolated,
        ..config::ConfigArgs::default()
    };
    let resolved = match config::load_for(&config_args, &paths)
        .and_then(|config| config::resolve(config, &config_args, &args.exclude))
    {
        Ok(resolved) => resolved,
        Err(message) => {
            eprintln!("flasklint: {message}");
            return EXIT_USAGE;
        }
    };
    let mut settings = Settings::new(paths);
    settings.excludes = resolved.excludes;
    settings.rules = resolved.rules;
    settings.per_file_ignores = resolved.per_file_ignores;
    settings.severity_overrides = resolved.severity_overrides;
    settings.include_tests = resolved.include_tests;
    settings.credential_settings = resolved.secret_settings;
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

/// `flasklint deps`: the manifests are found as `check` finds them, from the directory of every
/// Python file under the paths and from the paths themselves. Manifests that cannot be read are
/// listed on stderr with file and line, and make the exit code 1.
fn deps_command(args: DepsArgs) -> u8 {
    let Some(paths) = input_paths(args.paths) else {
        return EXIT_USAGE;
    };
    let excludes = match crate::walk::Excludes::new(&args.exclude) {
        Ok(excludes) => excludes,
        Err(message) => {
            eprintln!("flasklint: {message}");
            return EXIT_USAGE;
        }
    };
    let walk = crate::walk::collect(&paths, &excludes);
    let dirs = walk
        .files
        .iter()
        .filter_map(|candidate| candidate.path.parent().map(std::path::Path::to_path_buf))
        .chain(paths.iter().map(|path| {
            if path.is_dir() {
                path.clone()
            } else {
                path.parent()
                    .map(std::path::Path::to_path_buf)
                    .unwrap_or_default()
            }
        }));
    let deps = crate::deps::Dependencies::discover(dirs);
    let rows = deps.rows();
    print(&match args.format {
        RulesFormat::Text => report::deps::render_text(&rows),
        RulesFormat::Json => report::deps::render_json(&rows),
    });
    for error in &deps.errors {
        let at = error
            .position
            .map(|p| format!(":{}", p.line))
            .unwrap_or_default();
        eprintln!(
            "flasklint: {}{at}: {}",
            crate::source::display_path(&error.path),
            error.message
        );
    }
    // Lines pip accepts but flasklint cannot use: worth knowing, never a failure.
    for note in &deps.skipped {
        let at = note
            .position
            .map(|p| format!(":{}", p.line))
            .unwrap_or_default();
        eprintln!(
            "flasklint: note: {}{at}: {}",
            crate::source::display_path(&note.path),
            note.message
        );
    }
    if deps.errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
}

fn check_command(args: CheckArgs) -> u8 {
    let Some(paths) = input_paths(args.paths) else {
        return EXIT_USAGE;
    };
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
        prefilter: !args.all_files,
        credential_settings: resolved.secret_settings,
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
    if outcome.files_checked == 0
        && outcome.errors.is_empty()
        && outcome.manifests_named == 0
        && outcome.settings_files_read == 0
    {
        if !outcome.passed_over.is_empty() {
            // Files named on purpose (by pre-commit, say) that flasklint has no use for: there
            // is nothing wrong with them, and nothing to report.
            eprintln!(
                "flasklint: nothing to check: the named files are neither Python, dependency manifests nor settings files"
            );
            return EXIT_CLEAN;
        }
        eprintln!("flasklint: no Python files found under the given paths");
        return EXIT_USAGE;
    }
    if let Some(path) = &args.write_baseline {
        if let Err(error) = write::replace(path, baseline::render(&outcome).as_bytes()) {
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
    if args.fix || args.diff {
        // Only what the report would show gets fixed: suppressed and baselined findings stay.
        let plan = fix::plan(&outcome.findings, args.unsafe_fixes);
        report_fix_problems(&plan);
        if args.diff {
            let text = fix::diff(&plan);
            match &args.output {
                Some(path) => {
                    if let Err(error) = write::replace(path, text.as_bytes()) {
                        eprintln!("flasklint: cannot write {}: {error}", path.display());
                        return EXIT_USAGE;
                    }
                }
                None => print(&text),
            }
            eprintln!(
                "Would fix {}{}",
                fixed_in(plan.fixed(), plan.files.len()),
                unsafe_hint(plan.hidden_unsafe)
            );
            // As Ruff: with --diff, 1 means there is something to fix.
            return if plan.files.is_empty() {
                EXIT_CLEAN
            } else {
                EXIT_FINDINGS
            };
        }
        // A file that cannot be written (or changed since it was read) keeps its findings,
        // which the re-check below reports as remaining.
        let written = fix::write(&plan);
        for (path, reason) in &written.failed {
            eprintln!("flasklint: {path}: {reason}");
        }
        if written.files > 0 {
            outcome = match check::run(&settings) {
                Ok(outcome) => outcome,
                Err(message) => {
                    eprintln!("flasklint: {message}");
                    return EXIT_USAGE;
                }
            };
            if let Some(known) = &known {
                baseline::apply(&mut outcome, known);
            }
        }
        eprintln!(
            "Fixed {}; {} remaining{}",
            fixed_in(written.fixes, written.files),
            outcome.findings.len(),
            unsafe_hint(plan.hidden_unsafe)
        );
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
            if let Err(error) = write::replace(path, text.as_bytes()) {
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

/// Tells on stderr which fixes were left out and why, one line each.
fn report_fix_problems(plan: &fix::Plan) {
    for skipped in &plan.skipped {
        let why = match skipped.overlaps {
            Some((rule, at)) => format!(
                "it overlaps the fix of {rule} at {}:{}; run again to apply it",
                at.line, at.column
            ),
            None => "its edits overlap each other".to_string(),
        };
        eprintln!(
            "flasklint: {}:{}:{}: {} fix skipped: {why}",
            skipped.path, skipped.position.line, skipped.position.column, skipped.rule
        );
    }
    for refused in &plan.refused {
        eprintln!("flasklint: {}: {}", refused.path, refused.reason);
    }
}

/// "3 findings in 2 files".
fn fixed_in(findings: usize, files: usize) -> String {
    format!(
        "{findings} finding{} in {files} file{}",
        if findings == 1 { "" } else { "s" },
        if files == 1 { "" } else { "s" }
    )
}

fn unsafe_hint(hidden: usize) -> String {
    match hidden {
        0 => String::new(),
        1 => " (1 more fix with --unsafe-fixes)".to_string(),
        n => format!(" ({n} more fixes with --unsafe-fixes)"),
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
