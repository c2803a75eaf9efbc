"""Tests of litigate.rules."""
