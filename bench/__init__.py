"""Benchmark harness at provincial scale (issue 8): `make bench`, see docs/bench.md."""
