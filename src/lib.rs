//! policygraph: Chinese entrepreneurship-policy documents turned into a knowledge graph served
//! over GraphQL.
//!
//! Modules are listed in pipeline order; no stage imports a later one:
//! normalise text → parse structure → extract facts → build graph → persist → index → serve.

pub mod diagnostic;
pub mod text;
pub mod lexicon;
pub mod document;
pub mod extract;
pub mod graph;
pub mod store;
pub mod search;
pub mod knowledge_base;
pub mod api;
pub mod server;
pub mod config;

pub use diagnostic::Diagnostic;

