//! gloss: a terminal reader for annotated news briefs.

pub mod document;
pub mod layout;
pub mod sanitize;
