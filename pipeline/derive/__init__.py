"""Derived statistics, consistency rules and claim checks: pure functions over small frames."""
