//! Target groups and instruments named in a measure's text, from the lexicons.

use super::InstrumentUse;
use crate::lexicon::Lexicon;
use std::ops::Range;

/// Canonical target groups named in `text` as beneficiaries, each once, in order of first
/// mention. Byte ranges in `excluded` (responsibility clauses, department names) never count.
pub fn target_groups_in(text: &str, excluded: &[Range<usize>], lexicon: &Lexicon) -> Vec<String> {
    let _ = (text, excluded, lexicon);
    Vec::new()
}

/// Instruments named in `text`, each once, with the amount the text attaches (给予5000元一次性创业补贴).
pub fn instruments_in(text: &str, excluded: &[Range<usize>], lexicon: &Lexicon) -> Vec<InstrumentUse> {
    let _ = (text, excluded, lexicon);
    Vec::new()
}
