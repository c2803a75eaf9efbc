"""Shared test configuration: Hypothesis profiles and a network guard."""

from __future__ import annotations

import os
import socket
from datetime import date

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
)


# The clock: only the command line reads today's date, and the tests pin it, so that no
# result depends on the day (or the machine's clock) the suite happens to run on.
PINNED_TODAY = date(2026, 12, 7)


@pytest.fixture(autouse=True)
def _pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the command line's "today" a fixed day in every test."""
    import litigate.batch.cli
    import litigate.cli

    monkeypatch.setattr(litigate.cli, "_today", lambda: PINNED_TODAY)
    monkeypatch.setattr(litigate.batch.cli, "_today", lambda: PINNED_TODAY)


class NetworkBlockedError(RuntimeError):
    """A test tried to open a network connection: litigate must never do that."""


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any attempt to connect a socket (applicants' data never leaves the machine)."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        msg = "network access attempted during a test"
        raise NetworkBlockedError(msg)

    original = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        # A Unix-domain socket is a file on this machine, not the network: the
        # process pool's fork server talks to its workers' parent through one.
        if getattr(socket, "AF_UNIX", None) is not None and self.family == socket.AF_UNIX:
            return original(self, address)  # type: ignore[arg-type]
        return refuse()

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def journalist_case():
    """A small but complete-looking case used across tests."""
    from datetime import date

    import litigate

    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title="Həsənli v. Azerbaijan",
        applicants=[
            litigate.Applicant.person(
                name="Tural Həsənli",
                date_of_birth=date(1988, 4, 12),
                nationality="AZE",
                sex="male",
                occupation="journalist",
                detained_at="Baku Pre-Trial Detention Centre No. 1",
            )
        ],
        representatives=[
            litigate.Representative(name="Aysel Quliyeva", capacity="lawyer", bar_no="1234")
        ],
        complaints=[
            litigate.Complaint(
                provision="ECHR-5-1",
                summary="Arrest without reasonable suspicion",
                events_from=date(2024, 11, 20),
                exhausted_by=["appeal"],
            ),
            litigate.Complaint(
                provision="ECHR-10", summary="Detention to silence the applicant's reporting & <b>"
            ),
        ],
        proceedings=[
            litigate.DomesticDecision(
                id="appeal",
                court="Baku Court of Appeal",
                level="appeal",
                reviews="order",
                taken_on=date(2024, 11, 28),
                served_on=date(2024, 12, 3),
            ),
            litigate.DomesticDecision(
                id="order",
                court="Khatai District Court",
                level="first_instance",
                taken_on=date(2024, 11, 22),
                documents=[litigate.Document(title="Order", date=date(2024, 11, 22))],
            ),
        ],
        documents=[litigate.Document(title="Authority form", date=date(2025, 1, 10), pages=2)],
    )
