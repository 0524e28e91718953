"""Benchmarks: scripts that print figures with the targets and peers beside them."""
