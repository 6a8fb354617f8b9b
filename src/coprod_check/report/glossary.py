"""The questionnaire's glossary, printed once in the appendix: every word or phrase it explains.

Hooked into the paper by report/content/build.py (`glossary`): a format-neutral Section, so the
PDF and the Word twin print the same words. Its text comes from the questionnaire file (not
through the translation layer: a questionnaire carries its own words); the headings are ours.
"""

from __future__ import annotations

from coprod_check.i18n import _
from coprod_check.report.content.model import Block, Heading, Para, Section, Table, bold, runs
from coprod_check.report.model import Report


def section(report: Report) -> Section | None:
    """The glossary's section, or None when the questionnaire has no glossary."""
    entries = sorted(report.questionnaire.glossary, key=lambda g: g.term.casefold())
    if not entries:
        return None
    title = _("Words used in the questions")
    blocks: list[Block] = [
        Heading(title, 1),
        Para(runs(_("What the questionnaire means by words that may be new, or used in a special sense."))),
        Table(
            (_("Word or phrase"), _("What it means")),
            tuple(
                (
                    runs(bold(g.term), *((_(" (also {forms})").format(forms=", ".join(g.also)),) if g.also else ())),
                    runs(g.meaning),
                )
                for g in entries
            ),
            (0.3, 0.7),
            key="glossary",
        ),
    ]
    return Section("glossary", title, tuple(blocks))
