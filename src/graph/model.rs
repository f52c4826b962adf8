//! Node and edge payloads, ids, and the `Graph` container with its lookup tables.

use crate::document::PolicyStatus;
use crate::extract::{GoalQualifier, Role};
use crate::lexicon::{RegionLevel, ToolType};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::HashMap;

/// The kinds of node, in the order the API lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    Region,
    Policy,
    Section,
    Measure,
    Department,
    DepartmentKind,
    TargetGroup,
    Instrument,
    Goal,
}

impl NodeKind {
    pub const ALL: [NodeKind; 9] = [
        NodeKind::Region,
        NodeKind::Policy,
        NodeKind::Section,
        NodeKind::Measure,
        NodeKind::Department,
        NodeKind::DepartmentKind,
        NodeKind::TargetGroup,
        NodeKind::Instrument,
        NodeKind::Goal,
    ];

    /// The prefix of this kind's ids (`Measure:…`), so an id says what it points at.
    pub fn id_prefix(self) -> &'static str {
        match self {
            NodeKind::Region => "Region",
            NodeKind::Policy => "Policy",
            NodeKind::Section => "Section",
            NodeKind::Measure => "Measure",
            NodeKind::Department => "Department",
            NodeKind::DepartmentKind => "DepartmentKind",
            NodeKind::TargetGroup => "TargetGroup",
            NodeKind::Instrument => "Instrument",
            NodeKind::Goal => "Goal",
        }
    }
}

/// Typed edges; direction as in the API contract (Measure -LED_BY-> Department).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    PartOf,
    IssuedIn,
    BasedOn,
    References,
    HasSection,
    HasMeasure,
    LedBy,
    SupportedBy,
    JointlyBy,
    Targets,
    Uses,
    SetsGoal,
    KindOf,
    /// Goal -> the Instrument or TargetGroup it counts (新发放创业担保贷款6亿元 → 创业担保贷款).
    Counts,
}

impl Relation {
    pub fn of_role(role: Role) -> Relation {
        match role {
            Role::Lead => Relation::LedBy,
            Role::Support => Relation::SupportedBy,
            Role::Joint => Relation::JointlyBy,
        }
    }

    pub fn role(self) -> Option<Role> {
        match self {
            Relation::LedBy => Some(Role::Lead),
            Relation::SupportedBy => Some(Role::Support),
            Relation::JointlyBy => Some(Role::Joint),
            _ => None,
        }
    }
}

/// Stable opaque id derived from a content key (never from insertion order), so ids survive
/// restarts and re-ingests of the same documents.
pub fn node_id(kind: NodeKind, key: &str) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(key.as_bytes());
    format!("{}:{hash:016x}", kind.id_prefix())
}

#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub name: String,
    pub level: RegionLevel,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub title: String,
    pub document_number: Option<String>,
    pub issuer: Option<String>,
    pub published_on: Option<String>,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub status: PolicyStatus,
    /// Known only because another document cites it.
    pub stub: bool,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub ordinal: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub ordinal: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Department {
    pub name: String,
    /// Names as written in documents, sorted, without duplicates.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Instrument {
    pub name: String,
    pub aliases: Vec<String>,
    pub tool_type: ToolType,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub text: String,
    pub value: f64,
    pub unit: String,
    pub qualifier: GoalQualifier,
    pub year: Option<i32>,
    pub per_year: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeData {
    Region(Region),
    Policy(Policy),
    Section(Section),
    Measure(Measure),
    Department(Department),
    DepartmentKind { name: String },
    TargetGroup(Term),
    Instrument(Instrument),
    Goal(Goal),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub data: NodeData,
}

impl Node {
    pub fn kind(&self) -> NodeKind {
        match &self.data {
            NodeData::Region(_) => NodeKind::Region,
            NodeData::Policy(_) => NodeKind::Policy,
            NodeData::Section(_) => NodeKind::Section,
            NodeData::Measure(_) => NodeKind::Measure,
            NodeData::Department(_) => NodeKind::Department,
            NodeData::DepartmentKind { .. } => NodeKind::DepartmentKind,
            NodeData::TargetGroup(_) => NodeKind::TargetGroup,
            NodeData::Instrument(_) => NodeKind::Instrument,
            NodeData::Goal(_) => NodeKind::Goal,
        }
    }

    /// The name a person reads for this node (a title for policies and measures).
    pub fn label(&self) -> &str {
        match &self.data {
            NodeData::Region(r) => &r.name,
            NodeData::Policy(p) => &p.title,
            NodeData::Section(s) => &s.title,
            NodeData::Measure(m) => &m.title,
            NodeData::Department(d) => &d.name,
            NodeData::DepartmentKind { name } => name,
            NodeData::TargetGroup(t) => &t.name,
            NodeData::Instrument(i) => &i.name,
            NodeData::Goal(g) => &g.text,
        }
    }
}

/// Edge payload: the relation, and what the document wrote where it matters.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeData {
    pub relation: Relation,
    /// LED_BY / SUPPORTED_BY / JOINTLY_BY: the unit as written; USES: the amount attached.
    pub note: Option<String>,
}

/// The knowledge graph with its lookup tables. Built once by `build`, then read-only.
#[derive(Debug, Default)]
pub struct Graph {
    pub(super) g: DiGraph<Node, EdgeData>,
    pub(super) ids: HashMap<String, NodeIndex>,
    /// Nodes of each kind, in display order (regions by level then name, policies by region
    /// then title, measures in document order …).
    pub(super) by_kind: HashMap<NodeKind, Vec<NodeIndex>>,
    /// Every name a node answers to (canonical names, aliases as written), per kind.
    pub(super) names: HashMap<(NodeKind, String), Vec<NodeIndex>>,
}

impl Graph {
    pub fn node(&self, ix: NodeIndex) -> &Node {
        &self.g[ix]
    }

    pub fn node_count(&self) -> usize {
        self.g.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.g.edge_count()
    }

    /// The node with this id, if any.
    pub fn by_id(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    /// All nodes of a kind, in display order.
    pub fn all(&self, kind: NodeKind) -> &[NodeIndex] {
        self.by_kind.get(&kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Nodes of `kind` answering exactly to `name` (canonical or alias).
    pub fn named(&self, kind: NodeKind, name: &str) -> &[NodeIndex] {
        self.names
            .get(&(kind, name.to_string()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Every name of `kind` nodes, for suggestions.
    pub fn names_of(&self, kind: NodeKind) -> impl Iterator<Item = &str> {
        self.names
            .keys()
            .filter(move |(k, _)| *k == kind)
            .map(|(_, n)| n.as_str())
    }

    /// Targets of outgoing `rel` edges, in insertion order.
    pub fn out(&self, ix: NodeIndex, rel: Relation) -> Vec<NodeIndex> {
        self.edges_dir(ix, rel, Direction::Outgoing)
    }

    /// Sources of incoming `rel` edges, in insertion order.
    pub fn into(&self, ix: NodeIndex, rel: Relation) -> Vec<NodeIndex> {
        self.edges_dir(ix, rel, Direction::Incoming)
    }

    /// The first target of an outgoing `rel` edge.
    pub fn out_one(&self, ix: NodeIndex, rel: Relation) -> Option<NodeIndex> {
        self.g
            .edges_directed(ix, Direction::Outgoing)
            .filter(|e| e.weight().relation == rel)
            .map(|e| e.target())
            .last()
    }

    /// The first source of an incoming `rel` edge.
    pub fn into_one(&self, ix: NodeIndex, rel: Relation) -> Option<NodeIndex> {
        self.g
            .edges_directed(ix, Direction::Incoming)
            .filter(|e| e.weight().relation == rel)
            .map(|e| e.source())
            .last()
    }

    /// Outgoing edges with their payloads, in insertion order.
    pub fn out_edges(&self, ix: NodeIndex) -> Vec<(NodeIndex, &EdgeData)> {
        let mut v: Vec<_> = self
            .g
            .edges_directed(ix, Direction::Outgoing)
            .map(|e| (e.target(), e.weight()))
            .collect();
        // petgraph iterates a node's edges newest first; documents read oldest first.
        v.reverse();
        v
    }

    /// Incoming edges with their payloads, in insertion order.
    pub fn in_edges(&self, ix: NodeIndex) -> Vec<(NodeIndex, &EdgeData)> {
        let mut v: Vec<_> = self
            .g
            .edges_directed(ix, Direction::Incoming)
            .map(|e| (e.source(), e.weight()))
            .collect();
        v.reverse();
        v
    }

    fn edges_dir(&self, ix: NodeIndex, rel: Relation, dir: Direction) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self
            .g
            .edges_directed(ix, dir)
            .filter(|e| e.weight().relation == rel)
            .map(|e| match dir {
                Direction::Outgoing => e.target(),
                Direction::Incoming => e.source(),
            })
            .collect();
        v.reverse();
        v
    }

    /// The region a node belongs to: itself, a policy's ISSUED_IN, a department's PART_OF, or
    /// that of the policy holding a section, measure or goal.
    pub fn region_of(&self, ix: NodeIndex) -> Option<NodeIndex> {
        match self.node(ix).kind() {
            NodeKind::Region => Some(ix),
            NodeKind::Policy => self.out_one(ix, Relation::IssuedIn),
            NodeKind::Department => self.out_one(ix, Relation::PartOf),
            NodeKind::Section | NodeKind::Measure | NodeKind::Goal => {
                self.policy_of(ix).and_then(|p| self.out_one(p, Relation::IssuedIn))
            }
            _ => None,
        }
    }

    /// The policy holding a section, measure or goal.
    pub fn policy_of(&self, ix: NodeIndex) -> Option<NodeIndex> {
        let mut cur = ix;
        // Sections nest; a goal hangs off a measure or a policy. Bounded by nesting depth.
        for _ in 0..16 {
            match self.node(cur).kind() {
                NodeKind::Policy => return Some(cur),
                NodeKind::Measure => cur = self.into_one(cur, Relation::HasMeasure)?,
                NodeKind::Section => cur = self.into_one(cur, Relation::HasSection)?,
                NodeKind::Goal => cur = self.into_one(cur, Relation::SetsGoal)?,
                _ => return None,
            }
        }
        None
    }
}
