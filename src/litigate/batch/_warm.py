"""Imported by the default pool's fork server, so that every worker starts warm.

The default pool of :func:`litigate.batch.render_many` forks its workers either from
the calling process or from a fork server that imports this module (see
``_default_executor``).  What the server has loaded, every worker inherits
without paying for it again: the template engine (Jinja2, lxml), the packaged
rules, Babel's data for English and French, and the Court's application form
compiled (the form of every group application).  Nothing is written.  A
failure here only means that the workers load these themselves.
"""

from __future__ import annotations

import contextlib

from litigate.batch.warm import warm_up

with contextlib.suppress(Exception):  # never fail the fork server
    warm_up()
