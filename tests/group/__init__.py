"""Tests of litigate.group."""
