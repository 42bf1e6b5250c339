//! What the criterion benchmarks share.

use std::time::Duration;

use criterion::Criterion;

/// Two cores and a shared machine: short runs, enough samples for a stable median.
pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
}
