"""Registry letters: the real Isarlov letter, PDF/DOCX/text input, review and accept()."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest

import litigate
from litigate.errors import DocumentError, InputError, ValidationError
from litigate.parse.document import read_document_text
from litigate.parse.registry import read_registry_letter

REAL = Path(__file__).parents[1] / "data" / "real" / "registry" / "isarlov-2013-01-11.txt"

LETTER = (
    "Strasbourg, 2 March 2026\n"
    "Application no. 12345/24\n"
    "Rzayeva v. Azerbaijan\n"
    "Dear Sir,\n"
    "I enclose the Government's observations. You are invited to submit by 13 April 2026 "
    "at the latest any observations in reply, together with any claims for just satisfaction.\n"
)
EXTENSION = (
    "Strasbourg, 8 April 2026\n"
    "Application no. 12345/24\n"
    "Dear Sir,\n"
    "Following your request, the President of the Section has extended the time-limit for "
    "the applicant's observations in reply until 4 May 2026.\n"
)


def test_the_real_isarlov_letter_hand_checked():
    letter = read_registry_letter(REAL)
    assert letter.source_format == "text"
    assert letter.path == str(REAL)
    assert letter.application_number == "4493/07"
    assert letter.application_text == "Amplication no. 4493/07"
    assert letter.letter_date == date(2013, 1, 11)
    (limit,) = letter.time_limits
    assert limit.due_on == date(2013, 3, 15)
    assert limit.purposes == ("reply", "just_satisfaction")
    assert limit.what == "Observations in reply and just-satisfaction claims"
    assert limit.sentence.startswith("The President of the Section has instructed me")
    assert "claims for just satisfaction." in limit.sentence
    # relative limits are reported for the lawyer, never computed
    assert len(letter.unresolved) == 2
    assert "four weefts after the above time-limit" in letter.unresolved[0]
    assert "friendly settlement" in letter.unresolved[1]
    assert "Not understood, enter it yourself" in letter.review()


def test_accept_returns_a_new_case_and_writes_nothing(journalist_case, tmp_path):
    letter = read_registry_letter(text=LETTER)
    updated = letter.accept(journalist_case)
    assert journalist_case.registry_time_limits == ()
    (limit,) = updated.registry_time_limits
    assert (limit.what, limit.letter_on, limit.due_on) == (
        "Observations in reply and just-satisfaction claims",
        date(2026, 3, 2),
        date(2026, 4, 13),
    )
    assert letter.accept(updated).registry_time_limits == updated.registry_time_limits
    assert list(tmp_path.iterdir()) == []
    path = tmp_path / "case.toml"
    litigate.dump_case(updated, path)
    assert litigate.load_case(path).registry_time_limits == updated.registry_time_limits


def test_an_extension_sets_extended_to_on_the_limit_it_extends(journalist_case):
    case = read_registry_letter(text=LETTER).accept(journalist_case)
    extension = read_registry_letter(text=EXTENSION)
    (found,) = extension.time_limits
    assert found.is_extension
    assert found.purposes == ("reply", "extension")
    (limit,) = extension.accept(case).registry_time_limits
    assert limit.extended_to == date(2026, 5, 4)
    assert limit.last_day == date(2026, 5, 4)
    with pytest.raises(ValidationError, match="matches no earlier time limit"):
        extension.accept(journalist_case)


def test_a_letter_without_a_date_cannot_be_accepted(journalist_case):
    letter = read_registry_letter(text="Please submit your observations in reply by 4 May 2026.")
    assert letter.letter_date is None
    assert letter.application_number is None
    assert "NOT FOUND" in letter.review()
    with pytest.raises(ValidationError, match="letter's date was not found"):
        letter.accept(journalist_case)


def test_french_letter():
    letter = read_registry_letter(
        text="Strasbourg, le 2 mars 2026\nRequête no 12345/24\nMaître,\n"
        "Je vous invite à présenter au plus tard le 13 avril 2026 vos observations en réponse "
        "ainsi que vos prétentions au titre de la satisfaction équitable."
    )
    assert letter.application_number == "12345/24"
    assert letter.letter_date == date(2026, 3, 2)
    assert [(t.purposes, t.due_on) for t in letter.time_limits] == [
        (("reply", "just_satisfaction"), date(2026, 4, 13))
    ]


def test_docx_and_pdf_letters_say_which_they_were(tmp_path):
    document = docx.Document()
    for line in LETTER.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "letter.docx"
    document.save(path)
    from_docx = read_registry_letter(path)
    assert from_docx.source_format == "docx"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from_pdf = read_registry_letter(tmp_path / "letter.pdf")
    assert from_pdf.source_format == "pdf"
    for letter in (from_docx, from_pdf):
        assert letter.application_number == "12345/24"
        assert letter.letter_date == date(2026, 3, 2)
        assert [(t.purposes, t.due_on) for t in letter.time_limits] == [
            (("reply", "just_satisfaction"), date(2026, 4, 13))
        ]


def test_missing_paths_and_bad_input(tmp_path):
    with pytest.raises(InputError, match="no such file") as caught:
        read_registry_letter(tmp_path / "missing.pdf")
    assert caught.value.field == "path"
    with pytest.raises(InputError, match="a directory"):
        read_registry_letter(tmp_path)
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Requ\xeate".encode("latin-1"))
    with pytest.raises(DocumentError, match="neither a PDF, a DOCX nor UTF-8"):
        read_document_text(bad)
    with pytest.raises(TypeError):
        read_registry_letter()
    with pytest.raises(TypeError):
        read_registry_letter(REAL, text="x")


@pytest.mark.parametrize(
    "reader", ["read_registry_letter", "read_follow_up_letter", "read_observations"]
)
def test_a_fifo_given_as_a_letter_is_refused_not_waited_on(tmp_path, reader):
    import os
    import threading

    fifo = tmp_path / "letter.pdf"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            getattr(litigate, reader)(fifo)
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), f"{reader} blocked on a FIFO"
    assert isinstance(outcome[0], litigate.errors.LitigateError), outcome
