//! The in-memory knowledge graph: petgraph nodes and typed edges built from extracted `Facts`.
//!
//! The graph never sees raw text: it merges facts, answers lookups by id and name, and
//! traverses. It is immutable once built; the knowledge base builds a new one per change.

mod build;
mod model;
mod traverse;

pub use build::{build, policy_id, BuildInput};
pub use model::*;
pub use traverse::{Path, Subgraph, TraversalLimits};
