"""Benchmarks for ``make bench`` (pytest-benchmark); ``make test`` runs each once, untimed."""
