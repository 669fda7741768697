//! flasklint: a static security analyzer for Flask applications.
//!
//! The pipeline runs one way (`paths` holds the helpers every layer shares): `walk` picks the files, `source` reads and parses them, `model`
//! builds the project-wide facts, `rules` report diagnostics, `report` renders them.

pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod deps;
pub mod fix;
pub mod model;
pub mod paths;
pub mod prefilter;
pub mod report;
pub mod rules;
pub mod server;
pub mod source;
pub mod suppress;
pub mod walk;
pub mod write;

pub use check::{Finding, Outcome, Settings, run};
