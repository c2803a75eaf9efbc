"""Hardening: outside data only ever yields litigate errors; outputs are deterministic.

Each fuzz target runs a fixed number of generated inputs (``FUZZ`` below, per
target, whatever the Hypothesis profile); ``docs/reliability.md`` reports these
figures.  A target passes when every input either succeeds or raises an error
from the :mod:`litigate.errors` tree whose message is not empty.
"""

from __future__ import annotations

import io
import json
import logging
import os
import random
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any, Literal

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import litigate
import litigate.casefile
import litigate.drafts
from litigate.errors import LitigateError
from tests.docx_factory import gasimzade_docx

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 23)
FUZZ = 300
"""Generated inputs per fuzz target (reported in docs/reliability.md)."""

fuzz = settings(
    max_examples=FUZZ,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


def _only_litigate_errors(call: Any, *args: Any, **kwargs: Any) -> object:
    try:
        return call(*args, **kwargs)
    except LitigateError as exc:
        error = exc
    assert str(error).strip(), type(error)
    return error


# --------------------------------------------------------------------------- case files

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates(),
)
_KEYS = [
    "forum",
    "respondent",
    "applicants",
    "complaints",
    "proceedings",
    "name",
    "kind",
    "provision",
    "court",
    "taken_on",
    "served_on",
    "level",
    "just_satisfaction",
    "claims",
    "amount",
    "fees",
    "hours",
    "judgment",
    "delivered_on",
    "follow_up",
    "schema_version",
]
_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=8), children, max_size=5),
    ),
    max_leaves=25,
)
_case_like = st.fixed_dictionaries(
    {"forum": st.sampled_from(["ecthr", "hrc", "cat", "xyz"]), "respondent": st.just("AZE")},
    optional={key: _values for key in _KEYS if key not in {"forum", "respondent"}},
)


@fuzz
@given(_case_like)
def test_fuzz_case_from_dict(data: dict[str, Any]) -> None:
    result = _only_litigate_errors(litigate.casefile.case_from_dict, data)
    if isinstance(result, litigate.Case):
        # What loads dumps and loads back identically (no field dropped).
        assert litigate.casefile.case_from_dict(litigate.casefile.case_to_dict(result)) == result


@fuzz
@given(st.text(max_size=400), st.sampled_from(["toml", "yaml", "json"]))
def test_fuzz_case_file_text(text: str, fmt: Literal["toml", "yaml", "json"]) -> None:
    from litigate.casefile import _parse_text

    def load() -> object:
        data = _parse_text(text, fmt, "fuzz")
        return litigate.casefile.case_from_dict(data)  # type: ignore[arg-type]

    _only_litigate_errors(load)


# --------------------------------------------------------------------------- text parsers


@fuzz
@given(st.text(max_size=200), st.sampled_from(["en", "fr", "ru", "az"]))
def test_fuzz_parse_date(text: str, language: str) -> None:
    _only_litigate_errors(litigate.parse_date, text, languages=[language])


@fuzz
@given(st.text(max_size=600))
def test_fuzz_find_dates(text: str) -> None:
    _only_litigate_errors(lambda: list(litigate.find_dates(text)))


@fuzz
@given(st.text(max_size=600))
def test_fuzz_find_citations(text: str) -> None:
    _only_litigate_errors(lambda: list(litigate.find_citations(text)))


# --------------------------------------------------------------------------- DOCX readers

_REAL = gasimzade_docx("en")


def _mutate(data: bytes, seed: int, flips: int) -> bytes:
    rng = random.Random(seed)
    buffer = bytearray(data)
    for _ in range(flips):
        buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    return bytes(buffer)


def _mutate_xml(data: bytes, seed: int) -> bytes:
    """Damage word/document.xml inside a valid zip (so the XML parser is reached)."""
    rng = random.Random(seed)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "word/document.xml":
                cut = rng.randrange(len(blob))
                junk = rng.choice([b"<", b"&", b"]]>", b"<!DOCTYPE x [", b"\x00", b"</w:p>", b""])
                blob = blob[:cut] + junk + blob[cut + rng.randrange(50) :]
            target.writestr(info, blob)
    return out.getvalue()


@fuzz
@given(st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_fuzz_read_observations_with_damaged_bytes(seed: int, flips: int) -> None:
    _only_litigate_errors(litigate.read_observations, _mutate(_REAL, seed, flips))


@fuzz
@given(st.integers(0, 2**32 - 1))
def test_fuzz_read_observations_with_damaged_xml(seed: int) -> None:
    _only_litigate_errors(litigate.read_observations, _mutate_xml(_REAL, seed))


# --------------------------------------------------------------------------- rendering

_unicode = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=80
).filter(lambda s: s.strip())


@settings(
    max_examples=FUZZ // 3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(name=_unicode, facts=_unicode, title=_unicode, locale=st.sampled_from(["en", "fr"]))
def test_fuzz_render_arbitrary_unicode(name: str, facts: str, title: str, locale: str) -> None:
    case = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title=title,
        facts=facts,
        applicants=[litigate.Applicant.person(name=name)],
        complaints=[litigate.Complaint(provision="ECHR-5-1", summary=facts)],
    )
    data = litigate.render("ecthr/application", case=case, as_of=AS_OF, locale=locale)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert name.strip() in text or name in text


# --------------------------------------------------------------------------- sandbox extras


@pytest.mark.parametrize(
    "tag",
    [
        "{{ x.__init__.__globals__ }}",
        "{{ x.__class__.__subclasses__() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ x|attr('__globals__') }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_more_template_attacks_are_refused(tag: str) -> None:
    from litigate.drafts.engine import compile_template
    from litigate.errors import TemplateSecurityError
    from tests.drafts.test_render_engine import make_docx

    with pytest.raises(TemplateSecurityError):
        compile_template(make_docx([tag]), template_id="t").render({"x": 1})


# --------------------------------------------------------------------------- determinism

_EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/case.toml"))
_SCRIPT = """
import hashlib, sys
from datetime import date
from pathlib import Path
import litigate
import litigate.drafts
manifest = litigate.drafts.templates_root() / "manifest.toml"
import tomllib
entries = tomllib.loads(manifest.read_text(encoding="utf-8"))["templates"]
for folder in sys.argv[1:]:
    case = litigate.load_case(Path(folder) / "case.toml")
    for template_id, entry in sorted(entries.items()):
        data = case.forum.value in entry["case_forums"] and all(
            getattr(case, key) is not None for key in entry["requires"])
        if not data or template_id.endswith("-reply") or "comments" in template_id:
            continue
        for locale in entry["locales"]:
            out = litigate.render(template_id, case=case, as_of=date(2026, 11, 23), locale=locale)
            print(template_id, locale, Path(folder).name, hashlib.sha256(out).hexdigest())
"""


@pytest.mark.slow
def test_same_bytes_across_processes_and_hash_seeds() -> None:
    folders = [str(ROOT / "examples" / name) for name in _EXAMPLES]
    outputs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.append(
            subprocess.run(
                [sys.executable, "-c", _SCRIPT, *folders],
                check=True,
                capture_output=True,
                text=True,
                env=env,
                timeout=300,
            ).stdout
        )
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) >= 2 * len(_EXAMPLES)


def test_threads_render_the_same_bytes_as_one_thread() -> None:
    cases = [litigate.load_case(ROOT / "examples" / name / "case.toml") for name in _EXAMPLES]
    cases = [c for c in cases if c.forum is litigate.Forum.ECTHR]

    def one(case: litigate.Case) -> bytes:
        return litigate.render("ecthr/application", case=case, as_of=AS_OF, locale="fr")

    sequential = [one(case) for case in cases * 3]
    with ThreadPoolExecutor(max_workers=6) as pool:
        threaded = list(pool.map(one, cases * 3))
    assert threaded == sequential


# --------------------------------------------------------------------------- privacy


def test_no_personal_data_in_logs_at_any_level(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    names: list[str] = []
    for example in _EXAMPLES:
        path = ROOT / "examples" / example / "case.toml"
        case = litigate.load_case(path)
        names += [a.name for a in case.applicants]
        if case.complaints:
            litigate.filing_window(case, as_of=AS_OF).explain()
        litigate.check(case, as_of=AS_OF)
        litigate.dump_case(case, tmp_path / f"{example}.json")
    case = litigate.load_case(ROOT / "examples" / "journalist-detention" / "case.toml")
    target = tmp_path / "a.docx"
    litigate.render("ecthr/application", case=case, as_of=AS_OF, out=target)
    edited = docx.Document(str(target))
    edited.add_paragraph("The lawyer's own addition.")
    edited.save(str(target))
    with pytest.raises(LitigateError):  # refusing to overwrite the edited draft
        litigate.render("ecthr/application", case=case, as_of=AS_OF, out=target, anonymise=True)
    logged = "\n".join(
        f"{r.getMessage()} {json.dumps(r.args, default=str)}" for r in caplog.records
    )
    for name in names:
        for part in name.split():
            if len(part) > 3:
                assert part not in logged, "a name reached the logs"


def test_reprs_carry_no_personal_data() -> None:
    case = litigate.load_case(ROOT / "examples" / "journalist-detention" / "case.toml")
    shown = repr(case) + repr(case.applicants) + repr(case.representatives)
    names = [a.name for a in case.applicants] + [r.name for r in case.representatives]
    for name in names:
        for part in name.split():
            assert part not in shown
    address = case.applicants[0].address
    assert address is not None
    assert address not in shown


# --------------------------------------------------------------------------- no data loss


class _Interrupted(BaseException):
    """Stands for a crash or Ctrl-C in the middle of writing."""


@pytest.mark.parametrize("stage", ["write", "fsync", "rename"])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:

    target = tmp_path / "case.toml"
    target.write_text("# the lawyer's version\n", encoding="utf-8")
    target.chmod(0o640)

    def interrupt(*_args: object, **_kwargs: object) -> None:
        raise _Interrupted

    if stage == "fsync":
        monkeypatch.setattr("litigate._files.os.fsync", interrupt)
    elif stage == "rename":
        monkeypatch.setattr(Path, "replace", interrupt)
    else:
        monkeypatch.setattr("litigate._files.os.fdopen", interrupt)
    case = litigate.load_case(ROOT / "examples" / "journalist-detention" / "case.toml")
    with pytest.raises(_Interrupted):
        litigate.dump_case(case, target, overwrite=True)
    assert target.read_text(encoding="utf-8") == "# the lawyer's version\n"
    assert [p.name for p in tmp_path.iterdir()] == ["case.toml"]
    monkeypatch.undo()
    litigate.dump_case(case, target, overwrite=True)
    assert litigate.load_case(target) == case
    assert target.stat().st_mode & 0o777 == 0o640  # the file keeps its permissions
