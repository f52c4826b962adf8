//! Persistence: documents with their extracted facts in an embedded sled store.
//!
//! The store holds each document's decoded text and its facts, keyed by content hash; the graph
//! is rebuilt from facts at start without re-parsing. A format-version key guards against
//! reading a store written by an incompatible build. sled sits behind a private backend so
//! unit tests can run in memory.

use crate::extract::{Facts, EXTRACTOR_VERSION};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use thiserror::Error;

/// Version of the on-disk layout below. Bump on any incompatible change.
pub const FORMAT_VERSION: u32 = 1;

const VERSION_KEY: &[u8] = b"meta/format_version";
const SEEDED_KEY: &[u8] = b"meta/seeded";
const DOC_PREFIX: &[u8] = b"doc/";

/// One ingested document as persisted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    /// Content hash of `text` (hex): the document's identity in the store.
    pub hash: String,
    /// File name or URL the text came from.
    pub source: Option<String>,
    /// The decoded text as given, so facts can be re-extracted by a newer extractor.
    pub text: String,
    pub region_hint: Option<String>,
    pub title_hint: Option<String>,
    /// `EXTRACTOR_VERSION` of the extractor that produced `facts`.
    pub extractor_version: u32,
    pub facts: Facts,
    pub warnings: Vec<String>,
}

impl StoredDocument {
    /// The content hash used as a document's identity.
    pub fn hash_text(text: &str) -> String {
        format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
    }

    /// Whether `facts` came from the extractor of this build.
    pub fn is_current(&self) -> bool {
        self.extractor_version == EXTRACTOR_VERSION
    }
}

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {detail}. Is another policygraph process using it? Stop it, or pass another --data folder")]
    Open { path: PathBuf, detail: String },
    #[error("the store at {path} has format version {found}, this build reads version {FORMAT_VERSION}; use a matching policygraph build, or move the folder away and start again to rebuild it from graph-data/")]
    UnsupportedVersion { path: PathBuf, found: String },
    #[error("the store at {path} is damaged ({detail}); move the folder away and start again to rebuild it from graph-data/")]
    Corrupt { path: PathBuf, detail: String },
    #[error("store write failed: {0}; check free disk space and permissions of the data folder")]
    Write(String),
}

enum Backend {
    Sled(sled::Db),
    Memory(Mutex<BTreeMap<Vec<u8>, Vec<u8>>>),
}

/// The embedded store.
pub struct Store {
    backend: Backend,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the sled store in `path`, checking its format version.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_err = |detail: String| StoreError::Open {
            path: path.to_path_buf(),
            detail,
        };
        if path.exists() && !path.is_dir() {
            return Err(open_err("it is a file, not a folder".into()));
        }
        // sled panics on some damaged files instead of returning an error; a damaged data
        // folder must be a clear error, never a crash.
        let opened = std::panic::catch_unwind(|| sled::Config::new().path(path).open());
        let db = match opened {
            Ok(Ok(db)) => db,
            Ok(Err(sled::Error::Corruption { .. })) | Err(_) => {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: "sled could not read its files".into(),
                })
            }
            Ok(Err(e)) => return Err(open_err(e.to_string())),
        };
        let store = Store {
            backend: Backend::Sled(db),
            path: path.to_path_buf(),
        };
        store.check_version()?;
        Ok(store)
    }

    /// A store in memory, for tests and one-off runs.
    pub fn memory() -> Store {
        let store = Store {
            backend: Backend::Memory(Mutex::new(BTreeMap::new())),
            path: PathBuf::from(":memory:"),
        };
        // A fresh in-memory store cannot hold a foreign version.
        let _ = store.check_version();
        store
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn check_version(&self) -> Result<(), StoreError> {
        match self.get_raw(VERSION_KEY)? {
            None => {
                if self.scan_prefix(DOC_PREFIX)?.is_empty() {
                    self.write(&[(VERSION_KEY.to_vec(), Some(FORMAT_VERSION.to_string().into_bytes()))])
                } else {
                    Err(StoreError::UnsupportedVersion {
                        path: self.path.clone(),
                        found: "none".into(),
                    })
                }
            }
            Some(v) if v == FORMAT_VERSION.to_string().as_bytes() => Ok(()),
            Some(v) => Err(StoreError::UnsupportedVersion {
                path: self.path.clone(),
                found: String::from_utf8_lossy(&v).into_owned(),
            }),
        }
    }

    /// Whether the shipped corpus was loaded once already (so removing all policies sticks).
    pub fn is_seeded(&self) -> Result<bool, StoreError> {
        Ok(self.get_raw(SEEDED_KEY)?.is_some())
    }

    pub fn mark_seeded(&self) -> Result<(), StoreError> {
        self.write(&[(SEEDED_KEY.to_vec(), Some(b"1".to_vec()))])
    }

    /// Every stored document, in hash order.
    pub fn documents(&self) -> Result<Vec<StoredDocument>, StoreError> {
        self.scan_prefix(DOC_PREFIX)?
            .into_iter()
            .map(|(k, v)| self.decode(&k, &v))
            .collect()
    }

    pub fn get(&self, hash: &str) -> Result<Option<StoredDocument>, StoreError> {
        let key = doc_key(hash);
        self.get_raw(&key)?
            .map(|v| self.decode(&key, &v))
            .transpose()
    }

    /// Atomically removes the documents `remove` and stores `put`, then syncs to disk: after
    /// it returns, the change survives a crash; if it does not return, none of it happened.
    pub fn commit(&self, remove: &[String], put: &[StoredDocument]) -> Result<(), StoreError> {
        let mut ops = Vec::with_capacity(remove.len() + put.len());
        for hash in remove {
            ops.push((doc_key(hash), None));
        }
        for doc in put {
            let bytes = serde_json::to_vec(doc).map_err(|e| StoreError::Write(e.to_string()))?;
            ops.push((doc_key(&doc.hash), Some(bytes)));
        }
        self.write(&ops)
    }

    fn decode(&self, key: &[u8], value: &[u8]) -> Result<StoredDocument, StoreError> {
        serde_json::from_slice(value).map_err(|e| StoreError::Corrupt {
            path: self.path.clone(),
            detail: format!("entry {} does not decode: {e}", String::from_utf8_lossy(key)),
        })
    }

    fn get_raw(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        match &self.backend {
            Backend::Sled(db) => db
                .get(key)
                .map(|v| v.map(|v| v.to_vec()))
                .map_err(|e| self.corrupt(e)),
            Backend::Memory(m) => Ok(lock(m).get(key).cloned()),
        }
    }

    fn scan_prefix(&self, prefix: &[u8]) -> Result<Vec<(Vec<u8>, Vec<u8>)>, StoreError> {
        match &self.backend {
            Backend::Sled(db) => db
                .scan_prefix(prefix)
                .map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())))
                .collect::<Result<_, _>>()
                .map_err(|e| self.corrupt(e)),
            Backend::Memory(m) => Ok(lock(m)
                .range(prefix.to_vec()..)
                .take_while(|(k, _)| k.starts_with(prefix))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()),
        }
    }

    fn write(&self, ops: &[(Vec<u8>, Option<Vec<u8>>)]) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sled(db) => {
                let mut batch = sled::Batch::default();
                for (k, v) in ops {
                    match v {
                        Some(v) => batch.insert(k.as_slice(), v.as_slice()),
                        None => batch.remove(k.as_slice()),
                    }
                }
                db.apply_batch(batch)
                    .map_err(|e| StoreError::Write(e.to_string()))?;
                db.flush().map_err(|e| StoreError::Write(e.to_string()))?;
                Ok(())
            }
            Backend::Memory(m) => {
                let mut m = lock(m);
                for (k, v) in ops {
                    match v {
                        Some(v) => m.insert(k.clone(), v.clone()),
                        None => m.remove(k),
                    };
                }
                Ok(())
            }
        }
    }

    fn corrupt(&self, e: sled::Error) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            detail: e.to_string(),
        }
    }
}

fn doc_key(hash: &str) -> Vec<u8> {
    let mut k = DOC_PREFIX.to_vec();
    k.extend_from_slice(hash.as_bytes());
    k
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock cannot leave the map half-written (each op is one call).
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::PolicyStatus;
    use crate::extract::PolicyFacts;

    fn doc(text: &str) -> StoredDocument {
        StoredDocument {
            hash: StoredDocument::hash_text(text),
            source: Some("a.txt".into()),
            text: text.into(),
            region_hint: None,
            title_hint: None,
            extractor_version: EXTRACTOR_VERSION,
            facts: Facts {
                policy: PolicyFacts {
                    title: "标题".into(),
                    document_number: None,
                    issuer: None,
                    region: Some("威海市".into()),
                    published_on: None,
                    start_year: None,
                    end_year: None,
                    status: PolicyStatus::Issued,
                    basis: vec![],
                },
                sections: vec![],
                measures: vec![],
                goals: vec![],
            },
            warnings: vec![],
        }
    }

    #[test]
    fn commit_then_read_back_in_memory() {
        let s = Store::memory();
        let a = doc("甲");
        s.commit(&[], std::slice::from_ref(&a)).unwrap();
        assert_eq!(s.documents().unwrap(), vec![a.clone()]);
        assert_eq!(s.get(&a.hash).unwrap(), Some(a.clone()));
        s.commit(std::slice::from_ref(&a.hash), &[]).unwrap();
        assert!(s.documents().unwrap().is_empty());
    }

    #[test]
    fn sled_store_survives_reopen_and_refuses_newer_format() {
        let dir = std::env::temp_dir().join(format!("pg-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        {
            let s = Store::open(&dir).unwrap();
            s.commit(&[], &[doc("乙")]).unwrap();
            s.mark_seeded().unwrap();
        }
        {
            let s = Store::open(&dir).unwrap();
            assert_eq!(s.documents().unwrap().len(), 1);
            assert!(s.is_seeded().unwrap());
            s.write(&[(VERSION_KEY.to_vec(), Some(b"99".to_vec()))]).unwrap();
        }
        let err = Store::open(&dir).err().expect("a newer store must be refused");
        assert!(err.to_string().contains("format version 99"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_where_the_data_folder_should_be_is_a_clear_error() {
        let file = std::env::temp_dir().join(format!("pg-store-file-{}", std::process::id()));
        std::fs::write(&file, b"not a store").unwrap();
        let err = Store::open(&file).err().expect("must refuse a file");
        assert!(err.to_string().contains("not a folder"), "{err}");
        let _ = std::fs::remove_file(&file);
    }
}
