"""Tests of litigate.model."""
