//! Deterministic synthetic briefings for benchmarks and scale tests.
