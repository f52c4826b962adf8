//! Building the graph: merging every document's `Facts` into one petgraph, with ids from
//! content keys, departments merged within their region, and cited policies as stubs.

use super::model::*;
use crate::diagnostic::{Diagnostic, Stage};
use crate::document::{Citation, PolicyStatus};
use crate::extract::{Facts, GoalFacts};
use crate::lexicon::{Lexicon, RegionLevel};
use petgraph::graph::NodeIndex;
use std::collections::{BTreeSet, HashMap};

/// One stored document as the graph needs it.
#[derive(Debug, Clone, Copy)]
pub struct BuildInput<'a> {
    pub facts: &'a Facts,
    pub source: Option<&'a str>,
}

/// Builds the graph of all documents. Order-independent: the same documents give the same
/// graph and ids whatever order they come in.
pub fn build(lexicon: &Lexicon, docs: &[BuildInput<'_>]) -> (Graph, Vec<Diagnostic>) {
    let mut b = Builder {
        lexicon,
        graph: Graph::default(),
        diagnostics: Vec::new(),
        department_aliases: HashMap::new(),
    };
    let mut docs: Vec<BuildInput<'_>> = docs.to_vec();
    docs.sort_by(|a, b| policy_key(a.facts).cmp(&policy_key(b.facts)));

    let mut policies = Vec::with_capacity(docs.len());
    let mut used_keys: HashMap<String, usize> = HashMap::new();
    for doc in &docs {
        let mut key = policy_key(doc.facts);
        let seen = used_keys.entry(key.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            b.diagnostics.push(Diagnostic::new(
                Stage::Build,
                format!("two documents are both 「{key}」; the later one is kept apart as copy {seen}"),
            ));
            key = format!("{key}#{seen}");
        }
        if let Some(p) = b.add_policy(doc, &key) {
            policies.push((p, *doc));
        }
    }
    for (p, doc) in &policies {
        for citation in &doc.facts.policy.basis {
            let target = b.cited_policy(citation, *p);
            b.edge(*p, target, Relation::BasedOn, None);
        }
    }
    for (p, doc) in &policies {
        b.add_contents(*p, doc.facts);
    }
    b.finish()
}

/// The region named earliest in a cited title (山东省人民政府办公厅关于印发… → 山东省), the
/// longest name winning at a position; a stub's best guess at where it was issued.
fn first_region_in(lexicon: &Lexicon, title: &str) -> Option<String> {
    let mut best: Option<(usize, usize, &str)> = None;
    for r in &lexicon.regions {
        for name in std::iter::once(&r.name).chain(&r.aliases) {
            if let Some(pos) = title.find(name.as_str()) {
                let better = match best {
                    None => true,
                    Some((p, len, _)) => pos < p || (pos == p && name.len() > len),
                };
                if better {
                    best = Some((pos, name.len(), r.name.as_str()));
                }
            }
        }
    }
    best.map(|(_, _, name)| name.to_string())
}

/// The id the policy of `facts` gets in the graph.
pub fn policy_id(facts: &Facts) -> String {
    node_id(NodeKind::Policy, &policy_key(facts))
}

/// The content key of a policy: its document number when it has one, else its title.
fn policy_key(facts: &Facts) -> String {
    match &facts.policy.document_number {
        Some(n) => n.clone(),
        None => facts.policy.title.clone(),
    }
}

struct Builder<'l> {
    lexicon: &'l Lexicon,
    graph: Graph,
    diagnostics: Vec<Diagnostic>,
    /// Department node → names as written, collected before being stored sorted.
    department_aliases: HashMap<NodeIndex, BTreeSet<String>>,
}

impl Builder<'_> {
    fn node(&mut self, kind: NodeKind, key: &str, data: NodeData) -> NodeIndex {
        let id = node_id(kind, key);
        if let Some(&ix) = self.graph.ids.get(&id) {
            return ix;
        }
        let ix = self.graph.g.add_node(Node { id: id.clone(), data });
        self.graph.ids.insert(id, ix);
        self.graph.by_kind.entry(kind).or_default().push(ix);
        ix
    }

    fn name(&mut self, kind: NodeKind, name: &str, ix: NodeIndex) {
        let list = self.graph.names.entry((kind, name.to_string())).or_default();
        if !list.contains(&ix) {
            list.push(ix);
        }
    }

    fn edge(&mut self, from: NodeIndex, to: NodeIndex, relation: Relation, note: Option<String>) {
        let exists = self
            .graph
            .g
            .edges_connecting(from, to)
            .any(|e| e.weight().relation == relation);
        if !exists {
            self.graph.g.add_edge(from, to, EdgeData { relation, note });
        }
    }

    /// The region node for a canonical region name, with its ancestors (PART_OF chain).
    fn region(&mut self, name: &str) -> Option<NodeIndex> {
        let entry = self.lexicon.region(name)?.clone();
        let ix = self.node(
            NodeKind::Region,
            &entry.name,
            NodeData::Region(Region {
                name: entry.name.clone(),
                level: entry.level,
            }),
        );
        self.name(NodeKind::Region, &entry.name, ix);
        for alias in &entry.aliases {
            self.name(NodeKind::Region, alias, ix);
        }
        if let Some(parent) = entry.parent.as_deref() {
            if let Some(p) = self.region(parent) {
                self.edge(ix, p, Relation::PartOf, None);
            }
        }
        Some(ix)
    }

    fn add_policy(&mut self, doc: &BuildInput<'_>, key: &str) -> Option<NodeIndex> {
        let f = &doc.facts.policy;
        let Some(region) = f.region.as_deref().and_then(|r| self.region(r)) else {
            self.diagnostics.push(Diagnostic::new(
                Stage::Build,
                format!(
                    "「{}」 has no known region and is left out of the graph; ingest it again with a region hint",
                    f.title
                ),
            ));
            return None;
        };
        let p = self.node(
            NodeKind::Policy,
            key,
            NodeData::Policy(Policy {
                title: f.title.clone(),
                document_number: f.document_number.clone(),
                issuer: f.issuer.clone(),
                published_on: f.published_on.clone(),
                start_year: f.start_year,
                end_year: f.end_year,
                status: f.status,
                stub: false,
                source: doc.source.map(str::to_string),
            }),
        );
        self.name(NodeKind::Policy, &f.title, p);
        if let Some(n) = &f.document_number {
            self.name(NodeKind::Policy, n, p);
        }
        self.edge(p, region, Relation::IssuedIn, None);
        Some(p)
    }

    /// The policy a citation names: an ingested one (by number, then title) or a stub.
    fn cited_policy(&mut self, c: &Citation, citing: NodeIndex) -> NodeIndex {
        let known = [c.document_number.as_deref(), c.title.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|name| self.graph.named(NodeKind::Policy, name).first().copied());
        let stub_key = c
            .document_number
            .clone()
            .or_else(|| c.title.clone())
            .unwrap_or_default();
        if let Some(ix) = known {
            // Whoever held the stub's id before the cited document arrived still finds it.
            let stub_id = node_id(NodeKind::Policy, &stub_key);
            self.graph.ids.entry(stub_id).or_insert(ix);
            return ix;
        }
        let title = c.title.clone().unwrap_or_else(|| stub_key.clone());
        let ix = self.node(
            NodeKind::Policy,
            &stub_key,
            NodeData::Policy(Policy {
                title: title.clone(),
                document_number: c.document_number.clone(),
                issuer: None,
                published_on: None,
                start_year: None,
                end_year: None,
                status: PolicyStatus::Issued,
                stub: true,
                source: None,
            }),
        );
        self.name(NodeKind::Policy, &title, ix);
        if let Some(n) = &c.document_number {
            self.name(NodeKind::Policy, n, ix);
        }
        if self.graph.out_one(ix, Relation::IssuedIn).is_none() {
            let region = first_region_in(self.lexicon, &title)
                .and_then(|name| self.region(&name))
                .or_else(|| self.graph.out_one(citing, Relation::IssuedIn));
            if let Some(region) = region {
                self.edge(ix, region, Relation::IssuedIn, None);
            }
        }
        ix
    }

    fn add_contents(&mut self, p: NodeIndex, facts: &Facts) {
        let policy_key = self.graph.node(p).id.clone();
        let Some(region) = self.graph.out_one(p, Relation::IssuedIn) else {
            return;
        };
        let region_name = self.graph.node(region).label().to_string();

        let mut section_keys: Vec<String> = Vec::with_capacity(facts.sections.len());
        let mut section_nodes = Vec::with_capacity(facts.sections.len());
        for s in &facts.sections {
            let parent = s.parent.and_then(|i| section_nodes.get(i).copied());
            let parent_key = s.parent.and_then(|i| section_keys.get(i).cloned());
            let key = format!("{}/{}", parent_key.unwrap_or_else(|| policy_key.clone()), s.ordinal);
            let ix = self.node(
                NodeKind::Section,
                &key,
                NodeData::Section(Section {
                    ordinal: s.ordinal.clone(),
                    title: s.title.clone(),
                }),
            );
            self.edge(parent.unwrap_or(p), ix, Relation::HasSection, None);
            section_keys.push(key);
            section_nodes.push(ix);
        }

        let mut measure_keys: HashMap<String, usize> = HashMap::new();
        for m in &facts.measures {
            let owner = m.section.and_then(|i| section_nodes.get(i).copied());
            let owner_key = m
                .section
                .and_then(|i| section_keys.get(i).cloned())
                .unwrap_or_else(|| policy_key.clone());
            let mut key = format!("{owner_key}/{}", m.ordinal);
            let n = measure_keys.entry(key.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                key = format!("{key}#{n}");
            }
            let mx = self.node(
                NodeKind::Measure,
                &key,
                NodeData::Measure(Measure {
                    ordinal: m.ordinal.clone(),
                    title: m.title.clone(),
                    text: m.text.clone(),
                }),
            );
            self.edge(owner.unwrap_or(p), mx, Relation::HasMeasure, None);

            for r in &m.responsibilities {
                let d = self.department(region, &region_name, &r.department);
                self.edge(
                    mx,
                    d,
                    Relation::of_role(r.role),
                    Some(r.department.as_written.clone()),
                );
            }
            for g in &m.target_groups {
                if let Some(t) = self.target_group(g) {
                    self.edge(mx, t, Relation::Targets, None);
                }
            }
            for i in &m.instruments {
                if let Some(t) = self.instrument(&i.name) {
                    self.edge(mx, t, Relation::Uses, i.amount.clone());
                }
            }
            for c in &m.references {
                let cited = self.cited_policy(c, p);
                self.edge(mx, cited, Relation::References, None);
            }
            self.add_goals(mx, &key, &m.goals);
        }
        self.add_goals(p, &policy_key, &facts.goals);
    }

    fn add_goals(&mut self, owner: NodeIndex, owner_key: &str, goals: &[GoalFacts]) {
        for (i, g) in goals.iter().enumerate() {
            let key = format!("{owner_key}/goal/{i}/{}", g.text);
            let gx = self.node(
                NodeKind::Goal,
                &key,
                NodeData::Goal(Goal {
                    text: g.text.clone(),
                    value: g.value,
                    unit: g.unit.clone(),
                    qualifier: g.qualifier,
                    year: g.year,
                    per_year: g.per_year,
                }),
            );
            self.edge(owner, gx, Relation::SetsGoal, None);
            if let Some(ix) = g.instrument.as_deref().and_then(|n| self.instrument(n)) {
                self.edge(gx, ix, Relation::Counts, None);
            }
            if let Some(ix) = g.target_group.as_deref().and_then(|n| self.target_group(n)) {
                self.edge(gx, ix, Relation::Counts, None);
            }
        }
    }

    fn department(
        &mut self,
        region: NodeIndex,
        region_name: &str,
        d: &crate::extract::DepartmentFacts,
    ) -> NodeIndex {
        let key = format!("{region_name}/{}", d.name);
        let ix = self.node(
            NodeKind::Department,
            &key,
            NodeData::Department(Department {
                name: d.name.clone(),
                aliases: Vec::new(),
            }),
        );
        self.department_aliases
            .entry(ix)
            .or_default()
            .insert(d.as_written.clone());
        self.name(NodeKind::Department, &d.name, ix);
        self.name(NodeKind::Department, &d.as_written, ix);
        self.edge(ix, region, Relation::PartOf, None);
        let kind = self.node(
            NodeKind::DepartmentKind,
            &d.kind,
            NodeData::DepartmentKind {
                name: d.kind.clone(),
            },
        );
        self.name(NodeKind::DepartmentKind, &d.kind, kind);
        self.edge(ix, kind, Relation::KindOf, None);
        ix
    }

    fn target_group(&mut self, name: &str) -> Option<NodeIndex> {
        let Some(entry) = self.lexicon.target_group(name).cloned() else {
            self.unknown_term("target group", name);
            return None;
        };
        let ix = self.node(
            NodeKind::TargetGroup,
            &entry.name,
            NodeData::TargetGroup(Term {
                name: entry.name.clone(),
                aliases: entry.aliases.clone(),
            }),
        );
        self.name(NodeKind::TargetGroup, &entry.name, ix);
        for a in &entry.aliases {
            self.name(NodeKind::TargetGroup, a, ix);
        }
        Some(ix)
    }

    fn instrument(&mut self, name: &str) -> Option<NodeIndex> {
        let Some(entry) = self.lexicon.instrument(name).cloned() else {
            self.unknown_term("instrument", name);
            return None;
        };
        let ix = self.node(
            NodeKind::Instrument,
            &entry.name,
            NodeData::Instrument(Instrument {
                name: entry.name.clone(),
                aliases: entry.aliases.clone(),
                tool_type: entry.tool_type,
            }),
        );
        self.name(NodeKind::Instrument, &entry.name, ix);
        for a in &entry.aliases {
            self.name(NodeKind::Instrument, a, ix);
        }
        Some(ix)
    }

    fn unknown_term(&mut self, what: &str, name: &str) {
        // Facts stored by an older lexicon may name terms the current lexicon dropped.
        self.diagnostics.push(Diagnostic::new(
            Stage::Build,
            format!("{what} 「{name}」 is not in the lexicon any more; its edges are left out"),
        ));
    }

    fn finish(mut self) -> (Graph, Vec<Diagnostic>) {
        for (ix, aliases) in std::mem::take(&mut self.department_aliases) {
            if let NodeData::Department(d) = &mut self.graph.g[ix].data {
                d.aliases = aliases.into_iter().collect();
            }
        }
        self.sort_lists();
        (self.graph, self.diagnostics)
    }

    /// Puts each kind's list into display order, independent of document order.
    fn sort_lists(&mut self) {
        let mut lists = std::mem::take(&mut self.graph.by_kind);
        let g = &self.graph;
        let region_name = |ix: NodeIndex| {
            g.region_of(ix)
                .map(|r| g.node(r).label().to_string())
                .unwrap_or_default()
        };
        let level_rank = |ix: NodeIndex| match &g.node(ix).data {
            NodeData::Region(r) => match r.level {
                RegionLevel::Province => 0,
                RegionLevel::City => 1,
                RegionLevel::County => 2,
            },
            _ => 3,
        };
        for (kind, list) in lists.iter_mut() {
            match kind {
                NodeKind::Region => {
                    list.sort_by_cached_key(|&ix| (level_rank(ix), g.node(ix).label().to_string()))
                }
                NodeKind::Policy | NodeKind::Department => list.sort_by_cached_key(|&ix| {
                    (region_name(ix), g.node(ix).label().to_string(), g.node(ix).id.clone())
                }),
                // Measures, sections and goals keep document order within a policy; policies
                // come in key order already (documents were sorted by key).
                NodeKind::Measure | NodeKind::Section | NodeKind::Goal => {}
                NodeKind::DepartmentKind => {
                    let order: HashMap<&str, usize> = self
                        .lexicon
                        .department_kinds()
                        .into_iter()
                        .enumerate()
                        .map(|(i, k)| (k, i))
                        .collect();
                    list.sort_by_cached_key(|&ix| {
                        let name = g.node(ix).label();
                        (order.get(name).copied().unwrap_or(usize::MAX), name.to_string())
                    })
                }
                NodeKind::TargetGroup => {
                    let order: HashMap<&str, usize> = self
                        .lexicon
                        .target_groups
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (t.name.as_str(), i))
                        .collect();
                    list.sort_by_key(|&ix| order.get(g.node(ix).label()).copied())
                }
                NodeKind::Instrument => {
                    let order: HashMap<&str, usize> = self
                        .lexicon
                        .instruments
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (t.name.as_str(), i))
                        .collect();
                    list.sort_by_key(|&ix| order.get(g.node(ix).label()).copied())
                }
            }
        }
        self.graph.by_kind = lists;
    }
}
