"""Tests of litigate.engine."""
