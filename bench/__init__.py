"""Benchmarks that print one table (`python -m mapping bench`); the app never imports this.

Every measure is timed beside a baseline run in the same process, interleaved with it, and
reported as the median of several runs, so a busy machine slows both sides alike.
"""
