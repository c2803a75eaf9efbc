"""Tests of litigate.display."""
