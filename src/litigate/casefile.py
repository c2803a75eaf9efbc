"""Case files: TOML, YAML and JSON in, the same out, every problem reported at once.

A case file is the mapping form of :class:`~litigate.Case`: the same field
names, dates in ISO form (``2023-09-12``), lists for the tuples.  Loading is
strict (an unknown key is an error, never dropped) and collects every problem
with its location as ``message @ $.path``.  Dumping is canonical (fields in
model order; absent values, empty lists and booleans at their default left out), so that a file
written by :func:`dump_case` loads back to an equal case and dumps back to the
same text.

Examples:
    >>> case = load_case({
    ...     "forum": "ecthr",
    ...     "respondent": ["AZE"],
    ...     "applicants": [{"kind": "person", "name": "Rauf Aliyev"}],
    ...     "complaints": [{"provision": "ECHR-5-1"}],
    ... })
    >>> print(dump_case(case, format="toml"))
    schema_version = 1
    forum = "ecthr"
    respondent = [
        "AZE",
    ]
    language = "en"
    <BLANKLINE>
    [[applicants]]
    kind = "person"
    name = "Rauf Aliyev"
    <BLANKLINE>
    [[complaints]]
    provision = "ECHR-5-1"
    <BLANKLINE>
    >>> load_case({"forum": "ecthr", "respondent": "AZE",
    ...            "complaints": [{"provision": "ECHR-99"}],
    ...            "proceedings": [{"court": "Baku Court of Appeal", "taken_on": "31/02/2024"}]})
    Traceback (most recent call last):
    ...
    litigate.errors.CaseFileError: 2 problems:
      unknown provision 'ECHR-99' (closest: ...) @ $.complaints[0].provision
      not a date: '31/02/2024' (write dates as YYYY-MM-DD) @ $.proceedings[0].taken_on
"""

from __future__ import annotations

import json
import os
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Literal

import attrs
from cattrs.errors import ClassValidationError, IterableValidationError

from litigate._args import BOOL, CASE, CASE_SOURCE, PATH, checked, optional
from litigate._files import read_clear, write_atomic
from litigate._serde import FieldError, converter, flatten_errors, shown
from litigate.errors import CaseFileError, LitigateError
from litigate.model import Case

__all__ = ["case_from_dict", "case_schema", "case_to_dict", "dump_case", "load_case"]

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Case files larger than this are refused (a group of 10,000 applicants is ~10 MB)."""

Format = Literal["toml", "yaml", "json"]
_FORMATS: dict[str, Format] = {".toml": "toml", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_DEPTH = 32
"""Tables and lists nested deeper than this are refused (a case file needs 6 levels)."""
MAX_VALUES = 2_000_000
"""Case files with more values than this are refused (10,000 applicants are ~300,000).

Counted as a reader sees them: a YAML alias counts as many times as it is used,
so that an alias bomb is refused before anything walks it (issue 19).
"""


def case_from_dict(data: Mapping[str, Any], *, source: str | None = None) -> Case:
    """Build a :class:`~litigate.Case` from its mapping form.

    Args:
        data: The mapping (as read from TOML, YAML or JSON).
        source: The file it came from, named in the error.

    Raises:
        CaseFileError: Every problem, each as ``message @ $.path``.
    """
    if not isinstance(data, Mapping):
        raise CaseFileError(
            [f"a case file must be a table of fields, got {shown(data)} @ $"], path=source
        )
    shape = _shape_errors(data)
    if shape:
        raise CaseFileError(shape, path=source)
    fields = dict(data)
    version = fields.pop("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        msg = f"unsupported schema_version {version!r} (this litigate reads {SCHEMA_VERSION}) @ $"
        raise CaseFileError([msg], path=source)
    if isinstance(fields.get("respondent"), str):
        fields["respondent"] = [fields["respondent"]]
    errors = _structure_errors(fields)
    if not errors:
        return converter().structure(fields, Case)  # pragma: no cover - cannot fail twice
    # Unknown fields stop cattrs before the records are built: read the file again
    # without them, so that the other problems are reported in the same list.
    stripped = _without_unknown(fields, Case)
    if stripped != fields:
        errors.extend(e for e in _structure_errors(stripped) if e not in errors)
    raise CaseFileError(errors, path=source)


def _shape_errors(data: Mapping[Any, Any]) -> list[str]:
    """Keys that are not text, nesting beyond :data:`MAX_DEPTH`, more than :data:`MAX_VALUES`.

    Walks without recursion, so that no shape of input reaches Python's recursion
    limit, and stops at the first value beyond the limits.
    """
    errors: list[str] = []
    stack: list[tuple[object, str, int]] = [(data, "$", 0)]
    values = 0
    while stack:
        value, path, depth = stack.pop()
        values += 1
        if values > MAX_VALUES:
            return [f"more than {MAX_VALUES:,} values (a YAML alias used again and again?) @ $"]
        if isinstance(value, Mapping):
            items: list[tuple[object, str]] = []
            for key, item in value.items():
                if isinstance(key, str):
                    items.append((item, f"{path}.{key}"))
                else:
                    errors.append(f"field names must be text, got {shown(key)} @ {path}")
        elif isinstance(value, (list, tuple)):
            items = [(item, f"{path}[{i}]") for i, item in enumerate(value)]
        else:
            continue
        if items and depth >= MAX_DEPTH:
            errors.append(f"tables and lists nested more than {MAX_DEPTH} deep @ {path}")
            continue
        stack.extend((item, where, depth + 1) for item, where in reversed(items))
    return errors


def _structure_errors(fields: dict[str, Any]) -> list[str]:
    """Every problem in ``fields`` as ``message @ $.path`` (empty when it loads)."""
    try:
        converter().structure(fields, Case)
    except (ClassValidationError, IterableValidationError) as exc:
        return flatten_errors(exc, "$")
    except (LitigateError, ValueError, TypeError, KeyError, AttributeError) as exc:
        return flatten_errors(exc, "$")
    return []


def _without_unknown(value: Any, cls: Any) -> Any:
    """A copy of ``value`` without the keys that ``cls`` (an attrs class) does not have."""
    if not (isinstance(value, dict) and isinstance(cls, type) and attrs.has(cls)):
        return value
    hints = typing.get_type_hints(cls)
    names = {f.name for f in attrs.fields(cls)}
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key not in names:
            continue
        tp = hints[key]
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if typing.get_origin(tp) is tuple and isinstance(item, list):
            out[key] = [_without_unknown(x, args[0]) for x in item]
        elif attrs.has(tp):
            out[key] = _without_unknown(item, tp)
        elif len(args) == 1 and attrs.has(args[0]):
            out[key] = _without_unknown(item, args[0])
        else:
            out[key] = item
    return out


# --------------------------------------------------------------------------- unstructuring


# Exact types: an enum that is also a str (or an int) must still become its value.
_PLAIN_SCALARS = frozenset({str, int, date})


def _plain(value: object) -> object:
    if type(value) in _PLAIN_SCALARS:
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if attrs.has(type(value)):
        return _record(value)
    return value


_FIELDS: dict[type, tuple[tuple[str, object], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, object], ...]:
    """Each field's name and default (a class's fields never change: kept per class)."""
    known = _FIELDS.get(cls)
    if known is None:
        known = _FIELDS[cls] = tuple((f.name, f.default) for f in attrs.fields(cls))
    return known


def _record(inst: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, default in _fields(type(inst)):
        value = getattr(inst, name)
        if value is None or value == () or (isinstance(value, bool) and value == default):
            continue
        out[name] = _plain(value)
    return out


def case_to_dict(case: Case) -> dict[str, Any]:
    """Return the canonical mapping form of ``case`` (dates stay :class:`datetime.date`).

    Examples:
        >>> case_to_dict(Case(forum="hrc", respondent="AZE"))
        {'schema_version': 1, 'forum': 'hrc', 'respondent': ['AZE'], 'language': 'en'}
    """
    return {"schema_version": SCHEMA_VERSION, **_record(case)}


def _jsonable(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


@checked(case=CASE, path=optional(PATH), overwrite=BOOL)
def dump_case(
    case: Case,
    path: str | os.PathLike[str] | None = None,
    *,
    format: Format | None = None,  # noqa: A002 - the natural name for a file format
    overwrite: bool = False,
) -> str:
    """Write ``case`` as TOML, YAML or JSON and return the text.

    Args:
        case: The case.
        path: Where to write; the format follows the extension (``.toml``,
            ``.yaml``/``.yml``, ``.json``).  The file is written atomically.
        format: The format when there is no path (default TOML), or to
            override the extension.
        overwrite: Replace an existing file.  Without it, an existing file is
            never touched: it may hold a lawyer's edits.

    Returns:
        The text written.

    Raises:
        OverwriteRefusedError: ``path`` exists and ``overwrite`` is false.
        CaseFileError: The extension is not one litigate writes.
    """
    fmt = format or (_format_of(Path(path)) if path is not None else "toml")
    data = case_to_dict(case)
    if fmt == "toml":
        text = _toml_dumps(data)
    elif fmt == "yaml":
        import yaml

        text = yaml.safe_dump(
            _jsonable(data), sort_keys=False, allow_unicode=True, default_flow_style=False
        )
    else:
        text = json.dumps(_jsonable(data), ensure_ascii=False, indent=2) + "\n"
    if path is not None:
        write_atomic(path, text.encode("utf-8"), overwrite=overwrite)
    return text


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return str(value) if isinstance(value, int) else value.isoformat()
    if isinstance(value, str):
        # A JSON string is a valid TOML basic string (same escapes).
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        items = "".join(f"    {_toml_value(v)},\n" for v in value)
        return f"[\n{items}]"
    msg = f"cannot write {value!r} as TOML"  # pragma: no cover - model values only
    raise TypeError(msg)  # pragma: no cover


def _is_table_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _toml_table(data: dict[str, Any], prefix: str, lines: list[str]) -> None:
    for key, value in data.items():
        if not _is_table_list(value) and not isinstance(value, dict):
            lines.append(f"{key} = {_toml_value(value)}")
    for key, value in data.items():
        if isinstance(value, dict):
            name = f"{prefix}{key}"
            lines.extend(("", f"[{name}]"))
            _toml_table(value, f"{name}.", lines)
    for key, value in data.items():
        if _is_table_list(value):
            name = f"{prefix}{key}"
            for table in value:
                lines.extend(("", f"[[{name}]]"))
                _toml_table(table, f"{name}.", lines)


def _toml_dumps(data: dict[str, Any]) -> str:
    """Write the canonical TOML form: scalars, then ``[tables]``, then ``[[arrays of tables]]``."""
    lines: list[str] = []
    _toml_table(data, "", lines)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- reading files


def _format_of(path: Path) -> Format:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_FORMATS))
        msg = f"cannot tell the format of {path.name!r}: use one of {known} @ $"
        raise CaseFileError([msg], path=str(path))
    return fmt


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            msg = f"the key {key!r} appears twice; nothing is dropped silently"
            raise FieldError(msg)
        out[key] = value
    return out


def _parse_text(text: str, fmt: Format, source: str) -> object:
    try:
        if fmt == "toml":
            return tomllib.loads(text)
        if fmt == "json":
            return json.loads(text, object_pairs_hook=_reject_duplicates)
        return _load_yaml(text)
    except FieldError as exc:
        raise CaseFileError([f"{exc} @ $"], path=source) from exc
    except RecursionError as exc:  # the parsers recurse on nesting (JSON in C, TOML in Python)
        msg = (
            f"not valid {fmt.upper()}: tables and lists nested too deep (at most {MAX_DEPTH}) @ $"
        )
        raise CaseFileError([msg], path=source) from exc
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise CaseFileError([f"not valid {fmt.upper()}: {exc} @ $"], path=source) from exc


def _load_yaml(text: str) -> object:
    import yaml

    class _StrictLoader(yaml.SafeLoader):
        """SafeLoader that refuses duplicate keys, deep nesting and alias bombs."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.depth = 0
            self.sizes: dict[int, int] = {}  # values under each node, aliases as often as used

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.depth >= MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                msg = f"tables and lists nested more than {MAX_DEPTH} deep (line {mark.line + 1})"
                raise FieldError(msg)
            self.depth += 1
            try:
                node = super().compose_node(parent, index)
            finally:
                self.depth -= 1
            if node is None or id(node) in self.sizes:  # an alias: its size is known
                return node
            children = node.value if isinstance(node.value, list) else []
            size = 1 + sum(
                self.sizes.get(id(part), 1)
                for child in children
                for part in (child if isinstance(child, tuple) else (child,))
            )
            if size > MAX_VALUES:
                msg = (
                    f"more than {MAX_VALUES:,} values once aliases are expanded"
                    f" (line {node.start_mark.line + 1})"
                )
                raise FieldError(msg)
            self.sizes[id(node)] = size
            return node

        def construct_object(self, node: Any, deep: bool = False) -> Any:  # noqa: FBT001, FBT002
            # An explicit tag on a value it cannot read (``!!timestamp x``, ``!!bool x``)
            # makes PyYAML's constructors fail with AttributeError or KeyError.
            try:
                return super().construct_object(node, deep=deep)
            except (AttributeError, KeyError, TypeError) as exc:
                msg = f"the value tagged {node.tag} cannot be read: {shown(node.value)}"
                raise yaml.constructor.ConstructorError(None, None, msg, node.start_mark) from exc

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=True)
            try:
                again = key in seen
            except TypeError:  # an unhashable key: construct_mapping refuses it below
                continue
            if again:
                msg = f"the key {str(key)!r} appears twice (line {node.start_mark.line + 1})"
                raise FieldError(msg)
            seen.add(key)
        return loader.construct_mapping(node, deep=True)

    _StrictLoader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping
    )
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        msg = f"not valid YAML: {exc}"
        raise ValueError(msg) from exc


@checked(source=CASE_SOURCE)
def load_case(source: str | os.PathLike[str] | Mapping[str, Any]) -> Case:
    """Load a case from a TOML, YAML or JSON file, or from a mapping.

    Args:
        source: A path (the format follows the extension) or a mapping.

    Returns:
        The validated case.

    Raises:
        CaseFileError: The file cannot be read or has problems; every problem is
            listed as ``message @ $.path``.

    Examples:
        >>> load_case("no-such-file.toml")
        Traceback (most recent call last):
        ...
        litigate.errors.CaseFileError: 1 problem in no-such-file.toml:
          cannot read the file: No such file or directory @ $
    """
    if isinstance(source, Mapping):
        return case_from_dict(source)
    path = Path(source)
    encrypted = path.suffix.lower() == ".age"  # case.toml.age: see litigate.vault
    fmt = _format_of(path.with_suffix("") if encrypted else path)
    try:
        raw = read_clear(path, MAX_FILE_BYTES)  # case.toml.age decrypted in memory
        if len(raw) > MAX_FILE_BYTES:
            msg = f"the file is over {MAX_FILE_BYTES} bytes; case files are limited to that @ $"
            raise CaseFileError([msg], path=str(path))
    except OSError as exc:
        raise CaseFileError([f"cannot read the file: {exc.strerror} @ $"], path=str(path)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8 @ $"
        raise CaseFileError([msg], path=str(path)) from exc
    return case_from_dict(_parse_text(text, fmt, str(path)), source=str(path))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- JSON Schema


def _field_docs(cls: type) -> dict[str, str]:
    """Read the ``Attributes:`` section of a class docstring."""
    doc = cls.__doc__ or ""
    out: dict[str, str] = {}
    if "Attributes:" not in doc:
        return out
    section = doc.split("Attributes:", 1)[1].split("\n\n", 1)[0]
    current: str | None = None
    for line in section.splitlines():
        match = re.match(r"\s{8}(\w+): (.*)", line)
        if match:
            current = match.group(1)
            out[current] = match.group(2).strip()
        elif current and line.strip():
            out[current] += " " + line.strip()
    return out


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _schema_for(options[0], defs)
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(typing.get_args(tp)[0], defs)}
    if tp is date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is Decimal:
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^\s*[0-9]+(\.[0-9]{1,2})?\s*$"},
                {"type": "integer", "minimum": 0},
            ]
        }
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    msg = f"no JSON Schema for {tp!r}"  # pragma: no cover - every model type is handled
    raise TypeError(msg)  # pragma: no cover


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls)
    docs = _field_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        prop = _schema_for(hints[field.name], defs)
        if field.name in docs:
            prop = {**prop, "description": docs[field.name]}
        properties[field.name] = prop
        if field.default is attrs.NOTHING:
            required.append(field.name)
    summary = (cls.__doc__ or "").strip().splitlines()[0]
    defs[cls.__name__] = {
        "type": "object",
        "description": summary,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def case_schema() -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of the case file.

    Non-Python case-management tools can validate case files with it.  The
    schema checks shapes and vocabularies; the loader additionally checks what a
    schema cannot (provision ids against the catalogue, dates in order).

    Examples:
        >>> schema = case_schema()
        >>> schema["required"]
        ['forum', 'respondent']
        >>> schema["properties"]["forum"]["enum"][:2]
        ['ecthr', 'hrc']
    """
    defs: dict[str, Any] = {}
    _define(Case, defs)
    root = dict(defs.pop("Case"))
    root["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION, "description": "Case file format version."},
        **root["properties"],
    }
    root["properties"]["respondent"] = {
        "anyOf": [
            {"type": "string", "pattern": "^[A-Z]{3}$"},
            {"type": "array", "items": {"type": "string", "pattern": "^[A-Z]{3}$"}, "minItems": 1},
        ],
        "description": root["properties"]["respondent"].get("description", ""),
    }
    defs["Complaint"]["properties"]["provision"]["pattern"] = (
        r"^[A-Za-z]+(-[Pp][0-9]+)?-[0-9A-Za-z]+(-[0-9A-Za-z]+)*$"
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://litigate.invalid/schema/case-1.json",
        "title": "litigate case file",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
