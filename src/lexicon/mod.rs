//! Lexicons loaded from `graph-data/lexicon/`: regions, department kinds, target groups and
//! instruments, each with aliases. Data, not code: adding a city or an alias is an edit to a
//! TSV file, never to a `match` arm.
//!
//! This module answers "what is this name?"; it does not scan document text (that is
//! `extract`'s job) and knows nothing of the graph.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Administrative level of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegionLevel {
    Province,
    City,
    County,
}

/// A region of the lexicon: `威海市`, level City, parent `山东省`, aliases `威海`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionEntry {
    pub name: String,
    pub level: RegionLevel,
    pub parent: Option<String>,
    pub aliases: Vec<String>,
}

/// A kind of government unit, one row of `departments.tsv`. Several rows may share a kind
/// (金融监管: the local 金融工作办公室 and the national regulator's 监管分局 are different units).
/// Kinds are shared by all regions so cities compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartmentUnitEntry {
    /// Department-kind name: 人力资源和社会保障, 财政, 发展和改革, 人民银行, 共青团, ...
    pub kind: String,
    /// The unit's official name without region, as a city writes it (人力资源和社会保障局);
    /// `None` for kinds whose units are each their own department (高校, 区县政府, 国有企业 ...).
    pub official_name: Option<String>,
    /// Fragments that identify the unit inside a written unit name (人社局, 人力资源社会保障);
    /// a leading `*` marks a suffix rule (`*区` matches 章丘区).
    pub aliases: Vec<String>,
}

/// A target group (高校毕业生: 大学生, 毕业生 ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermEntry {
    pub name: String,
    pub aliases: Vec<String>,
}

/// Rothwell–Zegveld policy-tool class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ToolType {
    Supply,
    Demand,
    Environment,
}

/// A policy instrument with its tool class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstrumentEntry {
    pub name: String,
    pub tool_type: ToolType,
    pub aliases: Vec<String>,
}

/// A lexicon file that could not be read.
#[derive(Debug, Error)]
pub enum LexiconError {
    #[error("cannot read lexicon file {path}: {source}; check that --graph-data points at the project's graph-data folder")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// All lexicons, loaded once and shared read-only.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub regions: Vec<RegionEntry>,
    pub department_units: Vec<DepartmentUnitEntry>,
    pub target_groups: Vec<TermEntry>,
    pub instruments: Vec<InstrumentEntry>,
}

impl Lexicon {
    /// Loads the lexicon TSV files from `dir` (normally `graph-data/lexicon`).
    pub fn load(dir: &Path) -> Result<Lexicon, LexiconError> {
        let _ = dir;
        todo!("lexicon loader")
    }

    /// The region named `name` exactly, by canonical name or alias (威海, 威海市).
    pub fn region(&self, name: &str) -> Option<&RegionEntry> {
        let _ = name;
        todo!()
    }

    /// The unit kind of a written unit name (市人力资源社会保障局, 团市委, 章丘区); the longest
    /// matching alias wins, suffix rules last.
    pub fn department_unit(&self, written: &str) -> Option<&DepartmentUnitEntry> {
        let _ = written;
        todo!()
    }

    /// Department-kind names in file order, each once.
    pub fn department_kinds(&self) -> Vec<&str> {
        todo!()
    }

    /// The target group named `name` exactly, by canonical name or alias.
    pub fn target_group(&self, name: &str) -> Option<&TermEntry> {
        let _ = name;
        todo!()
    }

    /// The instrument named `name` exactly, by canonical name or alias.
    pub fn instrument(&self, name: &str) -> Option<&InstrumentEntry> {
        let _ = name;
        todo!()
    }
}

/// Up to five of `candidates` closest to `name`, best first: what an "unknown name" error lists.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let _ = (name, candidates.into_iter());
    todo!()
}
