"""The forums litigate knows: the European Court and the UN treaty bodies."""

from __future__ import annotations

from enum import StrEnum

from litigate.errors import UnknownForumError

__all__ = ["Forum", "forum_of"]


class Forum(StrEnum):
    """A forum that receives individual applications or communications.

    Examples:
        >>> Forum("ecthr").is_un_treaty_body
        False
        >>> [f.value for f in Forum if f.is_un_treaty_body][:3]
        ['hrc', 'cat', 'cerd']
    """

    ECTHR = "ecthr"
    """European Court of Human Rights (Article 34 of the Convention)."""
    HRC = "hrc"
    """Human Rights Committee (First Optional Protocol to the ICCPR)."""
    CAT = "cat"
    """Committee against Torture (article 22 of the Convention against Torture)."""
    CERD = "cerd"
    """Committee on the Elimination of Racial Discrimination (article 14 ICERD)."""
    CEDAW = "cedaw"
    """Committee on the Elimination of Discrimination against Women (OP-CEDAW)."""
    CRPD = "crpd"
    """Committee on the Rights of Persons with Disabilities (OP-CRPD)."""
    CRC = "crc"
    """Committee on the Rights of the Child (OP on a communications procedure)."""
    CED = "ced"
    """Committee on Enforced Disappearances (article 31 ICPPED)."""
    CESCR = "cescr"
    """Committee on Economic, Social and Cultural Rights (OP-ICESCR)."""

    @property
    def is_un_treaty_body(self) -> bool:
        """Whether the forum is a UN treaty body (every forum but the ECtHR)."""
        return self is not Forum.ECTHR


def forum_of(value: object) -> Forum:
    """Return the forum for an id, refusing unknown ones with the list of known ids.

    Examples:
        >>> forum_of("cat")
        <Forum.CAT: 'cat'>
        >>> forum_of("echr")
        Traceback (most recent call last):
        ...
        litigate.errors.UnknownForumError: unknown forum 'echr'; known forums: ecthr, hrc, ...
    """
    if isinstance(value, Forum):
        return value
    try:
        return Forum(str(value)) if isinstance(value, str) else Forum(value)  # type: ignore[arg-type]
    except ValueError:
        raise UnknownForumError(value, [f.value for f in Forum]) from None
