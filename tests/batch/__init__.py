"""Tests of litigate.batch."""
