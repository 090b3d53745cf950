"""Benchmarks, run by hand (see README.md); the tests import the record generator."""
