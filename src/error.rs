//! Typed errors of the library. The binary adds context with `anyhow`.

use std::path::PathBuf;
use thiserror::Error;

/// Everything that can go wrong inside the library.
#[derive(Debug, Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An input is not something demarche can read.
    #[error("{path}: {message}")]
    BadInput {
        /// The offending file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A line of a data file (lexicon, events CSV, gold file) is malformed.
    #[error("{path}:{line}: {message}")]
    BadLine {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A value given by the user is malformed.
    #[error("{0}")]
    Invalid(String),
}

/// Shorthand result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
