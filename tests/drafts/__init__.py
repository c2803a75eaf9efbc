"""Tests of litigate.drafts."""
