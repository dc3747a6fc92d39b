//! Writing events out: the events CSV contract (and reading it back), JSON and JSON Lines.

pub mod csv;
pub mod json;
