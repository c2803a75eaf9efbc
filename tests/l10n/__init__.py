"""Tests of litigate.l10n."""
