//! Document structure: `NormalizedText` in, `Outline` out. Finds the title and metadata, the
//! heading tree (一、 > (一) > 1. > (1) > ①), which chapters are tasks, safeguards, goals or
//! text after the plan, and which numbered items are measures.
//!
//! It does not know departments, groups or instruments: that is `extract`.

use crate::diagnostic::Diagnostic;
use crate::text::NormalizedText;
use serde::{Deserialize, Serialize};

/// Whether a document is a draft for comment or an issued policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum PolicyStatus {
    Draft,
    #[default]
    Issued,
}

/// A policy cited by a document: `《…》(鄂财社发〔2022〕79号)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Citation {
    pub title: Option<String>,
    /// Normalised document number, brackets as 〔〕: 鄂财社发〔2022〕79号.
    pub document_number: Option<String>,
}

/// What the text says about the document itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Metadata {
    pub title: Option<String>,
    pub document_number: Option<String>,
    pub issuer: Option<String>,
    /// ISO date YYYY-MM-DD.
    pub published_on: Option<String>,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub status: PolicyStatus,
    /// Policies this one implements (根据《…》(文号)精神).
    pub basis: Vec<Citation>,
}

/// The role of a top-level chapter of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChapterKind {
    /// 指导思想 / 总体要求 / 基本原则.
    Guidance,
    /// 工作目标 / 主要目标.
    Goals,
    /// 主要任务 / 重点任务 / 主要措施 / 落实措施 ...
    Tasks,
    /// 保障措施 / 工作要求 / 组织保障 / 有关要求.
    Safeguards,
    Other,
}

/// A heading of the plan that groups measures: a chapter (三、主要任务) or a group ((一)...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionOutline {
    /// 三, (一): the numbering as written, brackets normalised to ASCII.
    pub ordinal: String,
    pub title: String,
    /// Index into `Outline::sections` of the enclosing section.
    pub parent: Option<usize>,
    pub kind: ChapterKind,
}

/// One measure (举措) of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureOutline {
    /// 7, or (一) where the document numbers its measures that way.
    pub ordinal: String,
    /// The heading sentence: 强化金融服务助力创业.
    pub title: String,
    /// The measure's whole text, paragraphs joined by '\n', ordinal removed.
    pub text: String,
    /// Index into `Outline::sections` of the section holding the measure.
    pub section: Option<usize>,
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Outline {
    pub meta: Metadata,
    pub sections: Vec<SectionOutline>,
    pub measures: Vec<MeasureOutline>,
    /// Paragraphs whose numbers are policy-level goals (goal chapters, guiding paragraphs).
    pub goal_paragraphs: Vec<String>,
    /// The plan's text before its first chapter (preamble), where basis citations live.
    pub preamble: Vec<String>,
}

/// Parses a normalised document. Never fails: doubts become diagnostics.
pub fn parse(text: &NormalizedText) -> (Outline, Vec<Diagnostic>) {
    let _ = text;
    (Outline::default(), Vec::new())
}

/// Every policy cited as `《title》(文号)` or `《title》` in `text`, in order: the basis of a
/// preamble or the REFERENCES of a measure (具体遵照《…》(鄂财社发〔2022〕79号)执行).
pub fn citations_in(text: &str) -> Vec<Citation> {
    let _ = text;
    Vec::new()
}
