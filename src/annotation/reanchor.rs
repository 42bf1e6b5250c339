//! Re-anchoring: finding each annotation again in a changed brief.
