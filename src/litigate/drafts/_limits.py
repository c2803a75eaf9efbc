"""Bounds on what a template may build and how long a render may run.

The output of a part is bounded while it streams; these bound what a template
builds without printing it (a string doubled in a loop, ``'x'.zfill(10**10)``, a
tower of powers) and the time of the render as a whole.  Each check runs before
the value is built, so memory never grows past :data:`MAX_VALUE` items for one
value, and a render that runs longer than :data:`MAX_RENDER_SECONDS` of its
thread's CPU time is stopped with :class:`~litigate.errors.TemplateSecurityError`.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from litigate.errors import TemplateSecurityError

__all__ = [
    "MAX_RENDER_SECONDS",
    "MAX_VALUE",
    "check_binop",
    "check_call",
    "check_join",
    "watchdog",
]

MAX_VALUE = 20 * 1024 * 1024
"""Largest string, bytes or list (in items) a template may build."""
MAX_INT_BITS = 100_000
"""Largest whole number a template may build, in bits (about 30,000 digits)."""
MAX_RENDER_SECONDS = 5.0
"""Longest CPU time of one render's thread."""

_SIZED = (str, bytes, bytearray, list, tuple)
_WIDTH = frozenset({"zfill", "ljust", "rjust", "center"})


def _refuse(message: str) -> None:
    raise TemplateSecurityError(message)


def _size(value: object) -> int | None:
    return len(value) if isinstance(value, _SIZED) else None


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call of a ``str`` or ``bytes`` method that would build a huge value."""
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, str | bytes | bytearray):
        return
    values = [*args, *kwargs.values()]
    numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
    if name in _WIDTH and any(n > MAX_VALUE for n in numbers):
        _refuse(f"{name}() width {max(numbers)} is too large (limit {MAX_VALUE})")
    elif name == "expandtabs":
        tab = numbers[0] if numbers else 8
        if len(owner) * max(tab, 1) > MAX_VALUE:
            _refuse(f"expandtabs({tab}) of {len(owner)} characters is too large")
    elif name == "replace" and len(values) > 1:
        old, new = _size(values[0]) or 0, _size(values[1]) or 0
        if len(owner) + (len(owner) + 1) * max(new - old, 0) > MAX_VALUE:
            _refuse("replace() would build a value beyond the limit")
    elif name == "join" and values:
        items = values[0]
        count = len(items) if isinstance(items, _SIZED) else 0
        if count * len(owner) > MAX_VALUE:
            _refuse("join() would build a value beyond the limit")


def check_binop(operator: str, left: object, right: object) -> None:
    """Refuse ``*``, ``+`` and ``**`` whose result would be huge."""
    if operator == "+":
        a, b = _size(left), _size(right)
        if a is not None and b is not None and a + b > MAX_VALUE:
            _refuse(f"a value of {a + b} items is too large")
        return
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (left, right)):
        if operator == "*":
            sized, count = (left, right) if isinstance(right, int) else (right, left)
            size = _size(sized)
            if size is not None and isinstance(count, int) and size * count > MAX_VALUE:
                _refuse(f"a value of {size * count} items is too large")
        return
    if isinstance(left, int) and isinstance(right, int):
        bits_left, bits_right = abs(left).bit_length(), abs(right).bit_length()
        if operator == "*" and bits_left + bits_right > MAX_INT_BITS:
            _refuse(f"a number of about {bits_left + bits_right} bits is too large")
        if operator == "**" and abs(left) > 1 and bits_left * abs(right) > MAX_INT_BITS:
            _refuse(f"a number of about {bits_left * abs(right)} bits is too large")


def check_join(parts: tuple[Any, ...]) -> tuple[Any, ...]:
    """Refuse a ``~`` concatenation beyond the limit (its parts' sizes are known)."""
    total = sum(len(p) if isinstance(p, str) else 0 for p in parts)
    if total > MAX_VALUE:
        _refuse(f"a text of {total} characters is too large")
    return parts


class _TimeoutError(TemplateSecurityError):
    """Raised into a render's thread when it runs out of time."""

    def __init__(self) -> None:
        super().__init__(f"the render ran longer than {MAX_RENDER_SECONDS} s of CPU time")


@contextmanager
def watchdog(seconds: float = MAX_RENDER_SECONDS) -> Iterator[None]:
    """Stop the code in this block once it used ``seconds`` of this thread's CPU time.

    A helper thread looks at the block's thread CPU clock and, past the limit,
    raises :class:`TemplateSecurityError` in the block (between two bytecodes,
    as Ctrl-C would), so even a loop that calls nothing is stopped.
    """
    target = threading.get_ident()
    clock = time.pthread_getcpuclockid(target) if hasattr(time, "pthread_getcpuclockid") else None
    start = time.clock_gettime(clock) if clock is not None else time.monotonic()
    lock = threading.Lock()
    done = threading.Event()
    fired = [False]

    def used() -> float:
        now = time.clock_gettime(clock) if clock is not None else time.monotonic()
        return now - start

    def watch() -> None:
        while not done.wait(0.05):
            if used() > seconds:
                with lock:
                    if not done.is_set():
                        fired[0] = True
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(
                            ctypes.c_ulong(target), ctypes.py_object(_TimeoutError)
                        )
                return

    helper = threading.Thread(target=watch, name="litigate-render-watchdog", daemon=True)
    helper.start()
    try:
        yield
    finally:
        with lock:
            done.set()
            if fired[0]:
                # The exception may not have been delivered yet: cancel it.
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        helper.join()
