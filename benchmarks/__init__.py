"""Benchmarks: answer latency, reload time and memory as the knowledge grows, against rapidfuzz."""
