//! Deterministic news-like prose for benchmarks and tests (no randomness from outside).
