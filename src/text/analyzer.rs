//! The one Analyzer: normalise → jieba (lexicon terms as user dictionary) → filters. Used by
//! indexing, querying and `segment` alike, so the three can never disagree.

use crate::lexicon::Lexicon;

/// A token with its byte range in the normalised text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token as indexed (aliases mapped to their canonical term).
    pub term: String,
    pub start: usize,
    pub end: usize,
}

/// Segmenter built once from the lexicon.
pub struct Analyzer {}

impl Analyzer {
    pub fn new(lexicon: &Lexicon) -> Analyzer {
        let _ = lexicon;
        Analyzer {}
    }

    /// Normalises `text` and returns the normalised text with its tokens.
    pub fn analyze(&self, text: &str) -> (String, Vec<Token>) {
        (text.to_string(), Vec::new())
    }

    /// The terms of `text` as the index sees them (what `Query.segment` serves).
    pub fn segment(&self, text: &str) -> Vec<String> {
        self.analyze(text).1.into_iter().map(|t| t.term).collect()
    }
}
