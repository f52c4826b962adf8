//! The in-memory graph.
