"""The template normaliser and the edit-in-Word workflow: edit, normalise, lint, render.

* a package saved with a word processor's noise (revision ids, spell-check marks, a tag
  split over runs, a new timestamp) normalises to one that renders the same text, with
  every tag in one run, and normalising again changes nothing;
* every built-in template is normalised (the check CI runs: ``litigate template
  normalise --check templates``);
* LibreOffice re-saves every built-in template (``soffice --convert-to docx``, as a
  lawyer's editor would); the normalised result lints clean and renders the same text.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree  # type: ignore[import-untyped]

import litigate
from litigate.cli import main
from litigate.drafts.api import lint_templates
from litigate.drafts.normalise import dump_docx, normalise_docx, normalise_templates
from litigate.drafts.package import deflated, write_zip
from tests.drafts.test_golden import CASES, normalised_text
from tests.drafts.test_templates import EXTRA_VALUES

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
COVER = TEMPLATES / "ecthr" / "cover-letter.en.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AS_OF = date(2026, 11, 23)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def _package(parts: dict[str, bytes]) -> bytes:
    return write_zip(deflated(name, blob) for name, blob in reversed(list(parts.items())))


def _word_noise(data: bytes, *, bold_tail: bool = False) -> bytes:
    """What a Word save does to a template: rsids, proofErr, a split tag, a new date."""
    parts = _parts(data)
    root = etree.fromstring(parts["word/document.xml"])
    w = f"{{{W}}}"
    split = 0
    for run in list(root.iter(f"{w}r")):
        texts = run.findall(f"{w}t")
        if len(texts) != 1 or "{{ " not in (texts[0].text or ""):
            continue
        text = texts[0].text or ""
        cut = text.index("{{ ") + 4  # inside the tag: "{{ c" | "ase.title }}"
        tail = etree.fromstring(etree.tostring(run))
        texts[0].text = text[:cut]
        tail.find(f"{w}t").text = text[cut:]
        tail.set(f"{w}rsidRPr", "00A1B2C3")
        run.set(f"{w}rsidR", "00D4E5F6")
        if bold_tail:
            rpr = tail.find(f"{w}rPr")
            if rpr is None:
                rpr = etree.SubElement(tail, f"{w}rPr")
                tail.insert(0, rpr)
            etree.SubElement(rpr, f"{w}b")
        run.addnext(tail)
        run.addnext(etree.Element(f"{w}proofErr", {f"{w}type": "spellStart"}))
        split += 1
    assert split, "the template has no inline tag to split"
    for paragraph in root.iter(f"{w}p"):
        paragraph.set(f"{w}rsidR", "00112233")
        paragraph.set(f"{w}rsidRDefault", "00112233")
    first = next(root.iter(f"{w}p"))
    etree.SubElement(first, f"{w}bookmarkStart", {f"{w}id": "0", f"{w}name": "_GoBack"})
    etree.SubElement(first, f"{w}bookmarkEnd", {f"{w}id": "0"})
    etree.SubElement(etree.SubElement(first, f"{w}r"), f"{w}lastRenderedPageBreak")
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    core = parts["docProps/core.xml"].decode()
    core = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", r"\g<1>2026-12-07T09:41:00Z", core)
    core = core.replace("<cp:lastModifiedBy/>", "<cp:lastModifiedBy>A. Lawyer</cp:lastModifiedBy>")
    parts["docProps/core.xml"] = core.encode()
    return _package(parts)


def _render_text(template_dir: Path | None, template_id: str, locale: str, example: str) -> str:
    case = litigate.load_case(ROOT / "examples" / example / "case.toml")
    extra = EXTRA_VALUES.get(template_id, lambda _locale: {})(locale)
    data = litigate.render(
        template_id,
        case=case,
        as_of=AS_OF,
        locale=locale,
        template_dirs=[template_dir] if template_dir else (),
        **extra,
    )
    return normalised_text(data)


def _split_tags(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        with_tags = []
        for run in etree.fromstring(package.read("word/document.xml")).iter(f"{{{W}}}r"):
            text = "".join(t.text or "" for t in run.iter(f"{{{W}}}t"))
            if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
                with_tags.append(text)
        return with_tags


# ------------------------------------------------------------------ the normaliser


def test_word_noise_is_removed_and_the_split_tag_made_whole(tmp_path: Path) -> None:
    noisy = _word_noise(COVER.read_bytes())
    assert _split_tags(noisy)
    result = normalise_docx(noisy)
    assert result.changed
    assert result.data == COVER.read_bytes(), "the noise removed, the template is as committed"
    text = "\n".join(result.changes)
    for expected in (
        "word/document.xml: rsid attributes removed",
        "word/document.xml: proofErr elements removed",
        "word/document.xml: lastRenderedPageBreak elements removed",
        "word/document.xml: _GoBack bookmarks removed",
        "word/document.xml: runs merged into their neighbour of the same formatting",
        "docProps/core.xml: lastModifiedBy emptied: 1",
        "docProps/core.xml: modified date fixed: 1",
    ):
        assert expected in text, (expected, text)
    assert normalise_docx(result.data).changed is False


def test_a_tag_split_over_runs_of_different_formatting_is_moved_whole(tmp_path: Path) -> None:
    noisy = _word_noise(COVER.read_bytes(), bold_tail=True)
    folder = tmp_path / "firm" / "ecthr"
    folder.mkdir(parents=True)
    (folder / COVER.name).write_bytes(noisy)
    (before,) = lint_templates([folder / COVER.name])
    split = [p for p in before.problems if p.message.startswith("tag split over 2 runs")]
    assert split, before.problems
    assert split[0].tag is not None
    assert split[0].tag.startswith("{{ ")
    assert split[0].context  # the paragraph's text, to find it in Word
    result = normalise_docx(noisy)
    notes = [
        line for line in result.changes if "over several runs of different formatting" in line
    ]
    assert len(notes) == len(split)
    assert "paragraph" in notes[0]
    assert not _split_tags(result.data)
    (folder / COVER.name).write_bytes(result.data)
    (after,) = lint_templates([folder / COVER.name])
    assert after.ok, after.problems
    expected = _render_text(None, "ecthr/cover-letter", "en", "journalist-detention")
    assert _render_text(tmp_path / "firm", "ecthr/cover-letter", "en", "journalist-detention") == (
        expected
    )


def test_the_zip_is_fixed_order_and_dated_1980() -> None:
    shuffled = _package(_parts(COVER.read_bytes()))
    result = normalise_docx(shuffled)
    with zipfile.ZipFile(io.BytesIO(result.data)) as package:
        names = package.namelist()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[2:] == sorted(names[2:])
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert result.data == COVER.read_bytes()


def test_a_preview_image_is_dropped_with_its_relationship() -> None:
    parts = _parts(COVER.read_bytes())
    parts["docProps/thumbnail.jpeg"] = b"\xff\xd8\xff\xe0 not really a jpeg"
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/package/2006/'
        b'relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>',
    )
    result = normalise_docx(_package(parts))
    assert result.data == COVER.read_bytes()
    assert "docProps/thumbnail.jpeg: preview image dropped: 1" in result.changes


@pytest.mark.parametrize(
    "path", sorted(TEMPLATES.rglob("*.docx")), ids=lambda p: p.relative_to(TEMPLATES).as_posix()
)
def test_every_built_in_template_is_normalised(path: Path) -> None:
    result = normalise_docx(path)
    assert not result.changed, f"run: litigate template normalise {path}\n" + "\n".join(
        result.changes
    )


def test_the_dump_shows_every_part_and_the_text(tmp_path: Path) -> None:
    dump = dump_docx(COVER)
    with zipfile.ZipFile(COVER) as package:
        for name in package.namelist():
            assert f"=== {name}" in dump, name
    assert dump == dump_docx(COVER.read_bytes())
    assert "[-] {{ representatives[0].name }}" in dump  # a paragraph in the Normal style
    assert "[NumberedParagraph] " in dump
    # The dumps of a noisy save and of the committed file differ where the noise is.
    noisy = dump_docx(_word_noise(COVER.read_bytes()))
    assert 'w:rsidR="00D4E5F6"' in noisy
    assert "w:rsidR" not in dump
    # Every line of an XML part is one element: a reviewer's diff is line by line.
    body = dump.split("=== word/document.xml ===\n", 1)[1].split("\n=== ", 1)[0]
    assert all(line.lstrip().startswith(("<", "xmlns", "mc:", "w")) for line in body.splitlines())


def test_normalise_templates_writes_only_what_changes(tmp_path: Path) -> None:
    clean, noisy = tmp_path / "a.docx", tmp_path / "b.docx"
    shutil.copy(COVER, clean)
    (tmp_path / "~$b.docx").write_bytes(b"\x0bA. Lawyer")  # Word's lock file, while b is open
    noisy.write_bytes(_word_noise(COVER.read_bytes()))
    before = clean.stat().st_mtime_ns
    checked = normalise_templates([tmp_path], check=True)
    assert [(p.name, r.changed) for p, r in checked] == [("a.docx", False), ("b.docx", True)]
    assert noisy.read_bytes() != COVER.read_bytes()  # --check writes nothing
    normalise_templates([tmp_path])
    assert noisy.read_bytes() == COVER.read_bytes()
    assert clean.stat().st_mtime_ns == before


def test_the_cli_normalises_checks_and_dumps(tmp_path: Path) -> None:
    noisy = tmp_path / "cover-letter.en.docx"
    noisy.write_bytes(_word_noise(COVER.read_bytes()))
    out, err = io.StringIO(), io.StringIO()
    assert main(["template", "normalise", "--check", str(noisy)], out=out, err=err) == 1
    assert "not normalised" in out.getvalue()
    assert "rsid attributes removed" in out.getvalue()
    out = io.StringIO()
    assert main(["template", "normalise", str(noisy)], out=out, err=err) == 0
    assert "1 template(s) checked, 1 rewritten" in out.getvalue()
    assert main(["template", "normalise", "--check", str(noisy)], out=io.StringIO(), err=err) == 0
    out = io.StringIO()
    assert main(["template", "dump", str(noisy)], out=out, err=err) == 0
    assert out.getvalue() == dump_docx(COVER)


# ------------------------------------------------------------------ LibreOffice


def _one_case_per_template() -> list[tuple[str, str, str]]:
    seen: dict[tuple[str, str], str] = {}
    for template_id, locale, example in CASES:
        seen.setdefault((template_id, locale), example)
    return [(t, loc, ex) for (t, loc), ex in sorted(seen.items())]


def _reading_text(text: str) -> str:
    """The text a lawyer reads: LibreOffice writes a bullet list's numbering on the
    paragraph (so the golden text marks it ``¶`` rather than ``•``) and refreshes the
    cached value of the PAGE field; neither is the template's content."""
    lines = [re.sub(r"^[¶•] ", "", line) for line in text.splitlines()]
    return "\n".join(re.sub(r"\d+", "N", x) if x.startswith("[footer]") else x for x in lines)


def _soffice() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: .ci/run installs LibreOffice")
        pytest.skip("LibreOffice is installed by .ci/run; not on this machine")
    return soffice


def _resave(soffice: str, tmp_path: Path, files: list[Path], out: Path) -> None:
    """Open each file in LibreOffice and save it as DOCX (Word 2007-365) into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            *(str(p) for p in files),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


@pytest.mark.slow
def test_libreoffice_keeps_a_split_tag_split_and_the_normaliser_makes_it_whole(
    tmp_path: Path,
) -> None:
    """LibreOffice joins runs of the same formatting itself, not runs of different ones."""
    soffice = _soffice()
    edited = tmp_path / "edited" / COVER.name
    edited.parent.mkdir()
    edited.write_bytes(_word_noise(COVER.read_bytes(), bold_tail=True))
    firm = tmp_path / "firm" / "ecthr"
    _resave(soffice, tmp_path, [edited], firm)
    resaved = (firm / COVER.name).read_bytes()
    assert _split_tags(resaved), "LibreOffice merged the runs: the case is not tested"
    result = normalise_docx(resaved)
    assert not _split_tags(result.data)
    (firm / COVER.name).write_bytes(result.data)
    (report,) = lint_templates([firm / COVER.name])
    assert report.ok, report.problems
    original = _render_text(None, "ecthr/cover-letter", "en", "journalist-detention")
    after = _render_text(tmp_path / "firm", "ecthr/cover-letter", "en", "journalist-detention")
    assert _reading_text(after) == _reading_text(original)


@pytest.mark.slow
def test_libreoffice_resave_then_normalise_renders_the_same(tmp_path: Path) -> None:
    soffice = _soffice()
    cases = _one_case_per_template()
    source = tmp_path / "in"
    for template_id, locale, _ in cases:
        forum, name = template_id.split("/")
        target = source / forum / f"{name}.{locale}.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(TEMPLATES / forum / f"{name}.{locale}.docx", target)
    firm = tmp_path / "firm"
    for forum_dir in sorted(p for p in source.iterdir() if p.is_dir()):
        _resave(soffice, tmp_path, sorted(forum_dir.glob("*.docx")), firm / forum_dir.name)
    resaved = sorted(firm.rglob("*.docx"))
    assert len(resaved) == len(cases)
    for path in resaved:
        assert path.read_bytes() != (TEMPLATES / path.relative_to(firm)).read_bytes()
    results = normalise_templates([firm])
    assert all(result.changed for _, result in results)
    assert not any(result.changed for _, result in normalise_templates([firm], check=True))
    problems = {r.path: [str(p) for p in r.problems] for r in lint_templates([firm]) if not r.ok}
    assert problems == {}
    differ = []
    for template_id, locale, example in cases:
        original = _render_text(None, template_id, locale, example)
        after = _render_text(firm, template_id, locale, example)
        assert "{{" not in after
        assert "{%" not in after
        if _reading_text(after) != _reading_text(original):
            differ.append(f"{template_id}.{locale}")
    assert differ == []


def test_curly_quotes_inside_a_tag_are_made_straight() -> None:
    import docx

    document = docx.Document(str(COVER))
    paragraph = document.add_paragraph()
    paragraph.add_run("{{ place | default(\u201cBaku\u201d) }}")
    buffer = io.BytesIO()
    document.save(buffer)
    result = normalise_docx(buffer.getvalue())
    assert any("with curly quotes" in line for line in result.changes)
    text = docx.Document(io.BytesIO(result.data)).paragraphs[-1].text
    assert text == '{{ place | default("Baku") }}'


def test_a_hostile_package_is_refused_before_parsing(tmp_path: Path) -> None:
    from litigate.errors import DocumentError

    parts = _parts(COVER.read_bytes())
    parts["word/document.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    )
    with pytest.raises(DocumentError) as info:
        normalise_docx(_package(parts))
    assert info.value.reason == "external_entity"


def test_the_cli_names_a_file_that_is_not_a_docx(tmp_path: Path) -> None:
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"not a zip")
    for command in (["template", "normalise", str(bad)], ["template", "dump", str(bad)]):
        err = io.StringIO()
        assert main(command, out=io.StringIO(), err=err) == 2
        assert f"{bad}: the document is not a DOCX file" in err.getvalue()
    assert bad.read_bytes() == b"not a zip"


def test_a_run_tag_keeps_its_own_run() -> None:
    """``{%r %}`` replaces its run when rendering: a neighbour merged into it would vanish."""
    import docx

    document = docx.Document(str(COVER))
    paragraph = document.add_paragraph()
    for text in ("Before ", "{%r if place %}", "{{ place }}", "{%r endif %}", " after"):
        paragraph.add_run(text)
    buffer = io.BytesIO()
    document.save(buffer)
    result = normalise_docx(buffer.getvalue())
    runs = [r.text for r in docx.Document(io.BytesIO(result.data)).paragraphs[-1].runs]
    assert runs == ["Before ", "{%r if place %}", "{{ place }}", "{%r endif %}", " after"]
