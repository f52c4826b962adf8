//! The knowledge base: the single writer over the store, and the current immutable snapshot
//! (graph + search index) that every query reads.
//!
//! Writers are serialised; each change is committed to the store first, then a new snapshot
//! is built and swapped in, so readers never see half an ingest and an acknowledged change
//! survives a crash.

use crate::diagnostic::Diagnostic;
use crate::extract::{extract_document, Facts, Hints};
use crate::graph::{self, BuildInput, Graph, NodeKind};
use crate::lexicon::{Lexicon, LexiconError};
use crate::search::{Index, SearchDoc};
use crate::store::{Store, StoreError, StoredDocument};
use crate::text::{decode, Analyzer, DecodeError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use thiserror::Error;

/// Where the knowledge base keeps and finds its data.
#[derive(Debug, Clone)]
pub struct KbConfig {
    /// The sled store folder; `None` keeps everything in memory (tests, one-off runs).
    pub data_dir: Option<PathBuf>,
    /// The shipped data: `lexicon/` and the seed corpus `docs/`.
    pub graph_data: PathBuf,
    /// Load `graph_data/docs` into an empty store that was never seeded.
    pub seed: bool,
}

/// Errors of the knowledge base; each says what was wrong and what to do.
#[derive(Debug, Error)]
pub enum KbError {
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the document text is empty; pass the full text of a policy document")]
    EmptyText,
    #[error("cannot tell which region 「{title}」 belongs to; pass a region hint (e.g. region: \"威海市\" or --region 威海市)")]
    NoRegion { title: String },
    #[error("unknown region hint 「{hint}」; did you mean: {suggestions}?")]
    UnknownRegionHint { hint: String, suggestions: String },
    #[error("no policy has id {0}; list policies with `policies {{ edges {{ node {{ id title }} }} }}`")]
    UnknownPolicy(String),
    #[error("{0} is a policy known only because another document cites it; remove the citing policy instead, or ingest the cited document")]
    StubPolicy(String),
}

/// What a caller hands in to ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestRequest {
    pub text: String,
    pub source: Option<String>,
    pub region: Option<String>,
    pub title: Option<String>,
}

/// The result of one ingest.
#[derive(Debug, Clone)]
pub struct IngestOutcome {
    pub policy_id: String,
    /// False when the same text was already stored (nothing changed).
    pub created: bool,
    pub warnings: Vec<String>,
    pub facts: Facts,
}

/// One immutable view of the knowledge: what a query reads from start to end.
pub struct Snapshot {
    pub graph: Graph,
    pub index: Index,
    pub lexicon: Arc<Lexicon>,
    pub analyzer: Arc<Analyzer>,
    /// Diagnostics of building this snapshot (facts naming terms the lexicon dropped, ...).
    pub build_warnings: Vec<Diagnostic>,
}

impl Snapshot {
    fn build(lexicon: Arc<Lexicon>, analyzer: Arc<Analyzer>, docs: &[StoredDocument]) -> Snapshot {
        let inputs: Vec<BuildInput<'_>> = docs
            .iter()
            .map(|d| BuildInput {
                facts: &d.facts,
                source: d.source.as_deref(),
            })
            .collect();
        let (graph, build_warnings) = graph::build(&lexicon, &inputs);
        let index = Index::build(analyzer.clone(), search_docs(&graph));
        Snapshot {
            graph,
            index,
            lexicon,
            analyzer,
            build_warnings,
        }
    }
}

/// The texts search covers: measures (title + text), policies, departments, goals.
fn search_docs(graph: &Graph) -> Vec<SearchDoc> {
    use crate::graph::NodeData;
    let kinds = [
        NodeKind::Measure,
        NodeKind::Policy,
        NodeKind::Department,
        NodeKind::Goal,
    ];
    let mut docs = Vec::new();
    for kind in kinds {
        for &ix in graph.all(kind) {
            let (title, body) = match &graph.node(ix).data {
                NodeData::Measure(m) => (m.title.clone(), m.text.clone()),
                NodeData::Policy(p) => (p.title.clone(), p.issuer.clone().unwrap_or_default()),
                NodeData::Department(d) => (d.name.clone(), d.aliases.join(" ")),
                NodeData::Goal(g) => (g.text.clone(), String::new()),
                _ => continue,
            };
            docs.push(SearchDoc {
                key: ix.index() as u32,
                title,
                body,
            });
        }
    }
    docs
}

/// Progress of a long load, for a progress bar at the binary edge.
pub trait Progress {
    fn start(&self, total: usize);
    fn document_done(&self, source: &str, outcome: &Result<IngestOutcome, KbError>);
    fn finish(&self);
}

/// Progress that reports nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: usize) {}
    fn document_done(&self, _: &str, _: &Result<IngestOutcome, KbError>) {}
    fn finish(&self) {}
}

/// The knowledge base.
pub struct KnowledgeBase {
    store: Store,
    lexicon: Arc<Lexicon>,
    analyzer: Arc<Analyzer>,
    current: RwLock<Arc<Snapshot>>,
    /// The stored documents, kept to rebuild snapshots without reading the store back;
    /// its lock also serialises writers.
    docs: Mutex<Vec<StoredDocument>>,
}

impl KnowledgeBase {
    /// Opens the store, re-extracts documents stored by an older extractor, seeds an empty
    /// store from `graph_data/docs` once, and builds the first snapshot.
    pub fn open(config: &KbConfig, progress: &dyn Progress) -> Result<KnowledgeBase, KbError> {
        let lexicon = Arc::new(Lexicon::load(&config.graph_data.join("lexicon"))?);
        let analyzer = Arc::new(Analyzer::new(&lexicon));
        let store = match &config.data_dir {
            Some(dir) => Store::open(dir)?,
            None => Store::memory(),
        };
        let mut docs = store.documents()?;
        let stale: Vec<usize> = (0..docs.len()).filter(|&i| !docs[i].is_current()).collect();
        if !stale.is_empty() {
            tracing::info!(
                documents = stale.len(),
                "re-extracting documents stored by an older extractor"
            );
            for i in stale {
                let d = &docs[i];
                let req = IngestRequest {
                    text: d.text.clone(),
                    source: d.source.clone(),
                    region: d.region_hint.clone(),
                    title: d.title_hint.clone(),
                };
                docs[i] = prepare(&lexicon, &req)?;
            }
            store.commit(&[], &docs)?;
        }
        let kb = KnowledgeBase {
            current: RwLock::new(Arc::new(Snapshot::build(
                lexicon.clone(),
                analyzer.clone(),
                &docs,
            ))),
            store,
            lexicon,
            analyzer,
            docs: Mutex::new(docs),
        };
        if config.seed && !kb.store.is_seeded()? {
            let files = corpus_files(&config.graph_data.join("docs"))?;
            kb.ingest_files(&files, progress)?;
            kb.store.mark_seeded()?;
        }
        Ok(kb)
    }

    /// The current snapshot; hold it for a whole query.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Parses, stores and merges one document; the same text again changes nothing.
    pub fn ingest(&self, req: IngestRequest) -> Result<IngestOutcome, KbError> {
        let mut docs = self.lock_docs();
        let outcome = self.ingest_locked(&mut docs, &req)?;
        if outcome.created {
            self.swap(&docs);
        }
        Ok(outcome)
    }

    /// Ingests files one by one (each committed on its own, so one bad file loses nothing
    /// else), then builds one snapshot. Returns each file's outcome.
    pub fn ingest_files(
        &self,
        files: &[PathBuf],
        progress: &dyn Progress,
    ) -> Result<Vec<Result<IngestOutcome, KbError>>, KbError> {
        let mut docs = self.lock_docs();
        progress.start(files.len());
        let mut outcomes = Vec::with_capacity(files.len());
        for path in files {
            let outcome = read_document(path).and_then(|req| self.ingest_locked(&mut docs, &req));
            progress.document_done(&path.display().to_string(), &outcome);
            // A store that cannot be written is fatal; a bad document is not.
            if let Err(KbError::Store(e)) = outcome {
                return Err(KbError::Store(e));
            }
            outcomes.push(outcome);
        }
        progress.finish();
        if outcomes.iter().any(|o| matches!(o, Ok(o) if o.created)) {
            self.swap(&docs);
        }
        Ok(outcomes)
    }

    /// Removes a policy with its sections, measures and goals.
    pub fn remove_policy(&self, id: &str) -> Result<bool, KbError> {
        let mut docs = self.lock_docs();
        let snapshot = self.snapshot();
        let Some(ix) = snapshot.graph.by_id(id) else {
            return Err(KbError::UnknownPolicy(id.to_string()));
        };
        let node = snapshot.graph.node(ix);
        let graph::NodeData::Policy(p) = &node.data else {
            return Err(KbError::UnknownPolicy(id.to_string()));
        };
        if p.stub {
            return Err(KbError::StubPolicy(id.to_string()));
        }
        let canonical_id = node.id.clone();
        let Some(pos) = docs
            .iter()
            .position(|d| graph::policy_id(&d.facts) == canonical_id)
        else {
            return Err(KbError::UnknownPolicy(id.to_string()));
        };
        self.store.commit(std::slice::from_ref(&docs[pos].hash), &[])?;
        docs.remove(pos);
        self.swap(&docs);
        Ok(true)
    }

    fn ingest_locked(
        &self,
        docs: &mut Vec<StoredDocument>,
        req: &IngestRequest,
    ) -> Result<IngestOutcome, KbError> {
        let hash = StoredDocument::hash_text(&req.text);
        if let Some(existing) = docs.iter().find(|d| d.hash == hash) {
            return Ok(IngestOutcome {
                policy_id: graph::policy_id(&existing.facts),
                created: false,
                warnings: existing.warnings.clone(),
                facts: existing.facts.clone(),
            });
        }
        let doc = prepare(&self.lexicon, req)?;
        let policy_id = graph::policy_id(&doc.facts);
        let mut warnings = doc.warnings.clone();
        // A new text of a document already held (same number or title) is a new version of it.
        let replaced: Vec<String> = docs
            .iter()
            .filter(|d| graph::policy_id(&d.facts) == policy_id)
            .map(|d| d.hash.clone())
            .collect();
        if !replaced.is_empty() {
            warnings.push(format!(
                "replaces the earlier version of 「{}」 held in the store",
                doc.facts.policy.title
            ));
        }
        self.store.commit(&replaced, std::slice::from_ref(&doc))?;
        docs.retain(|d| !replaced.contains(&d.hash));
        let facts = doc.facts.clone();
        docs.push(doc);
        Ok(IngestOutcome {
            policy_id,
            created: true,
            warnings,
            facts,
        })
    }

    fn swap(&self, docs: &[StoredDocument]) {
        let next = Arc::new(Snapshot::build(
            self.lexicon.clone(),
            self.analyzer.clone(),
            docs,
        ));
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = next;
    }

    fn lock_docs(&self) -> std::sync::MutexGuard<'_, Vec<StoredDocument>> {
        // Every write to `docs` follows a successful store commit, so a panic elsewhere cannot
        // leave it out of step with the store.
        self.docs.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Reads the pipeline's input from a request and returns the document to store.
fn prepare(lexicon: &Lexicon, req: &IngestRequest) -> Result<StoredDocument, KbError> {
    if req.text.trim().is_empty() {
        return Err(KbError::EmptyText);
    }
    if let Some(hint) = &req.region {
        let normalized = crate::text::normalize_fragment(hint);
        if lexicon.region(&normalized).is_none() {
            let names = lexicon.regions.iter().map(|r| r.name.as_str());
            return Err(KbError::UnknownRegionHint {
                hint: hint.clone(),
                suggestions: crate::lexicon::suggest(&normalized, names).join(", "),
            });
        }
    }
    let hints = Hints {
        region: req.region.clone(),
        title: req.title.clone(),
    };
    let (facts, diagnostics) = extract_document(&req.text, lexicon, &hints);
    if facts.policy.region.is_none() {
        return Err(KbError::NoRegion {
            title: facts.policy.title.clone(),
        });
    }
    let mut warnings: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    if facts.measures.is_empty() {
        warnings.push("no numbered measures were found; the policy is stored with its title, goals and citations only".into());
    }
    Ok(StoredDocument {
            hash: StoredDocument::hash_text(&req.text),
            source: req.source.clone(),
            text: req.text.clone(),
            region_hint: req.region.clone(),
            title_hint: req.title.clone(),
            extractor_version: crate::extract::EXTRACTOR_VERSION,
            facts,
            warnings,
    })
}

/// Reads and decodes a document file.
pub fn read_document(path: &Path) -> Result<IngestRequest, KbError> {
    let bytes = std::fs::read(path).map_err(|source| KbError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let text = decode(&bytes, &name)?;
    Ok(IngestRequest {
        text,
        source: Some(name),
        region: None,
        title: None,
    })
}

/// The corpus files of a folder, sorted by name.
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>, KbError> {
    let io = |source| KbError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_file() && !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
