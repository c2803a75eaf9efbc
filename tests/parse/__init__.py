"""Tests of litigate.parse."""
