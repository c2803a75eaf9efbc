"""Batches of drafts: many jobs, any executor, resumable, never over a lawyer's edits.

See :func:`render_many`.  ``litigate batch JOBS.toml --out DIR`` is the command
line form (:mod:`litigate.batch.cli`).
"""

from litigate.batch.jobs import RenderJob, check_name, inputs_fingerprint
from litigate.batch.report import BatchReport, JobResult, JobStatus
from litigate.batch.run import INPUTS_PROPERTY, read_inputs, render_many, stamp_inputs
from litigate.batch.warm import warm_up

__all__ = [
    "INPUTS_PROPERTY",
    "BatchReport",
    "JobResult",
    "JobStatus",
    "RenderJob",
    "check_name",
    "inputs_fingerprint",
    "read_inputs",
    "render_many",
    "stamp_inputs",
    "warm_up",
]
