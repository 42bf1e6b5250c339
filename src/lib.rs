//! gloss: a terminal reader for annotated news briefs.
//!
//! Layers, from pure to impure: [`document`] (the brief and its normalised text) and
//! [`layout`] (rows at a width) know nothing of terminals; [`app`] holds state and the pure
//! `update`; [`ui`] draws state; [`store`] is the only module that touches files; [`runtime`]
//! joins them to a real terminal.

pub mod analysis;
pub mod annotation;
pub mod app;
pub mod cli;
pub mod codebook;
pub mod cores;
#[cfg(any(test, feature = "corpus"))]
pub mod corpus;
pub mod document;
pub mod error;
pub mod export;
pub mod input;
pub mod layout;
pub mod location;
pub mod runtime;
pub mod sanitize;
pub mod store;
pub mod theme;
pub mod ui;
