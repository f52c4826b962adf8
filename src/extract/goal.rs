//! Quantified targets: 到2026年,全市扶持创业1.6万人以上 → 16000 人 AT_LEAST 2026.

use super::GoalFacts;
use crate::lexicon::Lexicon;

/// Every quantified target in `text`, in order. `text` is a goal paragraph or a measure's text.
pub fn goals_in(text: &str, lexicon: &Lexicon) -> Vec<GoalFacts> {
    let _ = (text, lexicon);
    Vec::new()
}
