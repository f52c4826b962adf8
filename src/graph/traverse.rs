//! Traversals: neighbourhoods and shortest paths, following edges in both directions.

use super::model::{Graph, Relation};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashMap, HashSet, VecDeque};

/// Bounds on a traversal, set by the caller from the request (and capped by the API).
#[derive(Debug, Clone)]
pub struct TraversalLimits<'a> {
    /// Only edges of these relations are followed; empty = all.
    pub relations: &'a [Relation],
    pub max_depth: usize,
    /// At most this many nodes are returned.
    pub max_nodes: usize,
}

/// Nodes and edges around a start node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subgraph {
    /// In breadth-first order, the start node first.
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<EdgeIndex>,
    /// True when `max_nodes` cut the answer short.
    pub truncated: bool,
}

/// A path: `nodes[i]` and `nodes[i+1]` are joined by `edges[i]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<EdgeIndex>,
}

impl Graph {
    /// The edge's endpoints (source, target) and relation.
    pub fn edge(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex, Relation)> {
        let (s, t) = self.g.edge_endpoints(e)?;
        Some((s, t, self.g[e].relation))
    }

    /// Edges touching `ix` in either direction that `limits` allows, with the node across.
    fn incident<'a>(
        &'a self,
        ix: NodeIndex,
        relations: &'a [Relation],
    ) -> impl Iterator<Item = (EdgeIndex, NodeIndex)> + 'a {
        let allowed = move |r: Relation| relations.is_empty() || relations.contains(&r);
        let out = self
            .g
            .edges_directed(ix, Direction::Outgoing)
            .filter(move |e| allowed(e.weight().relation))
            .map(|e| (e.id(), e.target()));
        let inc = self
            .g
            .edges_directed(ix, Direction::Incoming)
            .filter(move |e| allowed(e.weight().relation))
            .map(|e| (e.id(), e.source()));
        out.chain(inc)
    }

    /// Nodes within `max_depth` hops of `start`, and the allowed edges among them.
    pub fn neighborhood(&self, start: NodeIndex, limits: &TraversalLimits<'_>) -> Subgraph {
        let mut seen: HashSet<NodeIndex> = HashSet::from([start]);
        let mut nodes = vec![start];
        let mut queue = VecDeque::from([(start, 0usize)]);
        let mut truncated = false;
        'bfs: while let Some((ix, depth)) = queue.pop_front() {
            if depth == limits.max_depth {
                continue;
            }
            for (_, next) in self.incident(ix, limits.relations) {
                if seen.contains(&next) {
                    continue;
                }
                if nodes.len() >= limits.max_nodes {
                    truncated = true;
                    break 'bfs;
                }
                seen.insert(next);
                nodes.push(next);
                queue.push_back((next, depth + 1));
            }
        }
        let mut edges: Vec<EdgeIndex> = Vec::new();
        let mut edge_seen = HashSet::new();
        for &ix in &nodes {
            for (e, other) in self.incident(ix, limits.relations) {
                if seen.contains(&other) && edge_seen.insert(e) {
                    edges.push(e);
                }
            }
        }
        edges.sort();
        Subgraph {
            nodes,
            edges,
            truncated,
        }
    }

    /// A shortest path from `from` to `to` within `max_depth` hops (breadth-first, so the
    /// first path found is a shortest one), or `None`.
    pub fn shortest_path(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        limits: &TraversalLimits<'_>,
    ) -> Option<Path> {
        if from == to {
            return Some(Path {
                nodes: vec![from],
                edges: Vec::new(),
            });
        }
        let mut came_from: HashMap<NodeIndex, (NodeIndex, EdgeIndex)> = HashMap::new();
        let mut queue = VecDeque::from([(from, 0usize)]);
        let mut found = false;
        'bfs: while let Some((ix, depth)) = queue.pop_front() {
            if depth == limits.max_depth {
                continue;
            }
            for (e, next) in self.incident(ix, limits.relations) {
                if next == from || came_from.contains_key(&next) {
                    continue;
                }
                came_from.insert(next, (ix, e));
                if next == to {
                    found = true;
                    break 'bfs;
                }
                queue.push_back((next, depth + 1));
            }
        }
        if !found {
            return None;
        }
        let mut nodes = vec![to];
        let mut edges = Vec::new();
        let mut cur = to;
        while let Some(&(prev, e)) = came_from.get(&cur) {
            nodes.push(prev);
            edges.push(e);
            cur = prev;
        }
        nodes.reverse();
        edges.reverse();
        Some(Path { nodes, edges })
    }
}
