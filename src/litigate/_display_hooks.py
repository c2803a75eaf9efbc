"""How value classes find their notebook renderer without importing the presentation layer.

The model, the engine, ``parse`` and ``drafts`` must not import
:mod:`litigate.display` (the import-linter layers forbid it).  Their
``_repr_html_`` methods ask this registry instead; :mod:`litigate.display`
fills it when it is imported.  ``import litigate`` does not import it (its public names
load on first use): it sets a loader here instead, which imports
:mod:`litigate.display` the first time a value asks for its HTML.  Without a
registered renderer ``_repr_html_`` returns ``None``, which tells IPython and
Jupyter to fall back to the plain ``repr``.

This module imports nothing from litigate, so any layer may import it.

Examples:
    >>> class Thing:
    ...     pass
    >>> html(Thing()) is None
    True
    >>> register(Thing, lambda thing: "<b>thing</b>")
    >>> html(Thing())
    '<b>thing</b>'
    >>> unregister(Thing)
    >>> html(Thing()) is None
    True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["html", "register", "set_loader", "unregister"]

_RENDERERS: dict[type, Callable[[Any], str]] = {}
_LOADER: list[Callable[[], object]] = []


def set_loader(loader: Callable[[], object]) -> None:
    """Call ``loader`` once, the first time :func:`html` finds no renderer.

    The facade (``litigate/__init__.py``) passes a function that imports
    :mod:`litigate.display`, whose import registers the renderers; this module
    itself imports nothing of litigate.

    Args:
        loader: Takes nothing; its result is ignored.
    """
    _LOADER[:] = [loader]


def register(cls: type, renderer: Callable[[Any], str]) -> None:
    """Use ``renderer`` for the HTML of ``cls`` and its subclasses (a later call replaces it).

    Args:
        cls: The class rendered.
        renderer: Takes an instance, returns an HTML fragment (every value escaped).
    """
    _RENDERERS[cls] = renderer


def unregister(cls: type) -> None:
    """Forget the renderer of ``cls`` (nothing happens if there is none).

    Args:
        cls: The class.
    """
    _RENDERERS.pop(cls, None)


def html(obj: object) -> str | None:
    """The HTML of ``obj`` from the renderer of its class or nearest base, or ``None``.

    Args:
        obj: Any value.

    Returns:
        An HTML fragment, or ``None`` when no renderer is registered.
    """
    for klass in type(obj).__mro__:
        renderer = _RENDERERS.get(klass)
        if renderer is not None:
            return renderer(obj)
    if _LOADER:
        _LOADER.pop()()
        return html(obj)
    return None
