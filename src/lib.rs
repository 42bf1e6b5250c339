//! gloss: a terminal reader for annotated news briefs.

pub mod app;
pub mod document;
pub mod input;
pub mod layout;
pub mod sanitize;
pub mod theme;
