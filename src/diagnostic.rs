//! Diagnostics: what a pipeline stage noticed but read past. Reading a document never fails on
//! its content; doubts become diagnostics, which surface as `IngestResult.warnings`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The pipeline stage that raised a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    Decode,
    Normalize,
    Parse,
    Extract,
    Build,
}

/// One thing a stage noticed about a document and read past.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub stage: Stage,
    pub message: String,
}

impl Diagnostic {
    pub fn new(stage: Stage, message: impl Into<String>) -> Self {
        Diagnostic {
            stage,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stage = match self.stage {
            Stage::Decode => "decode",
            Stage::Normalize => "normalise",
            Stage::Parse => "parse",
            Stage::Extract => "extract",
            Stage::Build => "build",
        };
        write!(f, "{stage}: {}", self.message)
    }
}
