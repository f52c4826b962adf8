//! Extraction: `Outline` + `Lexicon` in, `Facts` out — the region, the departments owning each
//! measure and their roles, target groups, instruments, goals and cited policies.
//!
//! Facts are plain owned data, serialisable: the store persists them so a restart rebuilds the
//! graph without re-parsing. Extraction never sees the graph.

use crate::diagnostic::Diagnostic;
use crate::document::{Citation, Outline, PolicyStatus};
use crate::lexicon::Lexicon;
use serde::{Deserialize, Serialize};

mod department;
mod goal;
mod region;
mod responsibility;
mod terms;

/// Bumped whenever extraction changes what it produces for the same text, so stores holding
/// facts of an older extractor re-extract from their stored text at start.
pub const EXTRACTOR_VERSION: u32 = 1;

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub policy: PolicyFacts,
    pub sections: Vec<SectionFacts>,
    pub measures: Vec<MeasureFacts>,
    /// Policy-level goals (goal chapters and guiding paragraphs).
    pub goals: Vec<GoalFacts>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyFacts {
    pub title: String,
    pub document_number: Option<String>,
    pub issuer: Option<String>,
    /// Canonical region name from the lexicon (威海市, 辽宁省); `None` when neither the hint
    /// nor the text names a known region (the knowledge base refuses such a document).
    pub region: Option<String>,
    pub published_on: Option<String>,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub status: PolicyStatus,
    pub basis: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionFacts {
    pub ordinal: String,
    pub title: String,
    /// Index into `Facts::sections`.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureFacts {
    pub ordinal: String,
    pub title: String,
    pub text: String,
    /// Index into `Facts::sections`.
    pub section: Option<usize>,
    pub responsibilities: Vec<ResponsibilityFacts>,
    /// Canonical target-group names from the lexicon.
    pub target_groups: Vec<String>,
    pub instruments: Vec<InstrumentUse>,
    pub goals: Vec<GoalFacts>,
    pub references: Vec<Citation>,
}

/// Role of a department for a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Lead,
    Support,
    Joint,
}

/// A department named as owner of a measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponsibilityFacts {
    pub department: DepartmentFacts,
    pub role: Role,
}

/// A department resolved within the policy's region.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DepartmentFacts {
    /// Canonical: region + official name (威海市人力资源和社会保障局).
    pub name: String,
    /// Department-kind name from the lexicon (人力资源和社会保障), `其他` when unknown.
    pub kind: String,
    /// The unit as the document writes it (市人力资源社会保障局).
    pub as_written: String,
}

/// An instrument a measure uses, with the amount the text attaches, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstrumentUse {
    /// Canonical instrument name from the lexicon.
    pub name: String,
    /// As written: 5000元, 最高500万元.
    pub amount: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalQualifier {
    AtLeast,
    About,
    AtMost,
    Exact,
}

/// A quantified target: 到2026年,全市扶持创业1.6万人以上.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalFacts {
    /// As written: 新发放创业担保贷款6亿元以上.
    pub text: String,
    /// In base units: 1.6万 -> 16000.
    pub value: f64,
    pub unit: String,
    pub qualifier: GoalQualifier,
    pub year: Option<i32>,
    pub per_year: bool,
    /// Canonical instrument name the goal counts, if it names one.
    pub instrument: Option<String>,
    /// Canonical target-group name the goal counts, if it names one.
    pub target_group: Option<String>,
}

/// Caller-supplied hints that take precedence over detection.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    pub region: Option<String>,
    pub title: Option<String>,
}

/// Extracts facts from a parsed document. Never fails on content: an undetectable region or
/// title becomes a diagnostic and a placeholder the caller can refuse.
pub fn extract(outline: &Outline, lexicon: &Lexicon, hints: &Hints) -> (Facts, Vec<Diagnostic>) {
    let _ = (outline, lexicon, hints);
    todo!("extraction")
}

/// Runs the reading pipeline on one decoded document: normalise → parse → extract.
pub fn extract_document(raw_text: &str, lexicon: &Lexicon, hints: &Hints) -> (Facts, Vec<Diagnostic>) {
    let (text, mut diagnostics) = crate::text::normalize(raw_text);
    let (outline, parse_diags) = crate::document::parse(&text);
    diagnostics.extend(parse_diags);
    let (facts, extract_diags) = extract(&outline, lexicon, hints);
    diagnostics.extend(extract_diags);
    (facts, diagnostics)
}
