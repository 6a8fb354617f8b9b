"""The project's own error types: every loader raises these and nothing else."""

from __future__ import annotations

from typing import NamedTuple

from coprod_check.i18n import _


class Problem(NamedTuple):
    """One thing wrong with a file, at a line where one is known (1-based)."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


class CoprodError(Exception):
    """Base of every error coprod-check reports to a person."""


class QuestionnaireError(CoprodError):
    """A questionnaire file could not be read; holds every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class AssessmentError(CoprodError):
    """An assessment file could not be read or written. The file is left as it was."""

    def __init__(self, source: str, message: str):
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class CompanionFile(QuestionnaireError):
    """The file is a companion of a questionnaire (its `kind:` says so), not a questionnaire:
    an update map or a translation. Whatever lists questionnaires leaves it out."""

    def __init__(self, source: str, kind: str):
        self.kind = kind
        super().__init__(
            [
                Problem(
                    source,
                    None,
                    _("is {what} (kind: {kind}), not a questionnaire").format(
                        what=KIND_WORDS.get(kind, kind), kind=kind
                    ),
                )
            ]
        )


#: Each companion kind, in words.
KIND_WORDS = {"update": _("an update map"), "translation": _("a translation")}
