//! Byte decoding: UTF-8 (with or without BOM) and GB18030/GBK.

use thiserror::Error;

/// A document whose bytes are not text in any supported encoding.
#[derive(Debug, Error)]
pub enum DecodeError {
    #[error("{source_name}: not UTF-8, UTF-16 or GB18030/GBK text ({detail}); convert the file to UTF-8 and ingest it again")]
    UnknownEncoding { source_name: String, detail: String },
}

/// Decodes a document's bytes; `source_name` names the file in errors.
pub fn decode(bytes: &[u8], source_name: &str) -> Result<String, DecodeError> {
    // Placeholder until the normalisation stage lands: UTF-8 only.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| DecodeError::UnknownEncoding {
        source_name: source_name.to_string(),
        detail: e.to_string(),
    })
}
