//! Text normalisation: bytes of any supported encoding in, clean simplified Chinese out.
//!
//! This is the first pipeline stage and the only place that knows about encodings, web-page
//! noise, pinyin annotations, traditional characters or full-width punctuation. Later stages
//! (and the search analyzer) see only `NormalizedText` / normalised fragments.

mod decode;
mod normalize;

pub use decode::{decode, DecodeError};
pub use normalize::{normalize, normalize_fragment, NormalizedText};
pub mod analyzer;
pub use analyzer::Analyzer;
