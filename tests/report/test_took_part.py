"""Who took part on the cover and in its own section: counts by role with the small-number rule,
and a group's names without roles, read back from the PDF text."""

import pytest

from coprod_check.report import render_pdf
from tests.report.pdf import TODAY, Pdf, example, flat
from tests.report.voices import builtin, group_of, mixed_group, response

NAMES = ["Zoë Williams", "Aled Jones", "bethan Evans", "Carys Hughes"]


@pytest.fixture(scope="module")
def named_group():
    """Two managers without lived experience and two colleagues with it, each named."""
    people = [
        response(0, "manager", "no", {}),
        response(1, "lived-experience-colleague", "yes", {}),
        response(2, "manager", "no", {}),
        response(3, "lived-experience-colleague", "yes", {}),
    ]
    for person, name in zip(people, NAMES, strict=True):
        person.participants[0].name = name
    return Pdf(render_pdf(builtin(), group_of(people), today=TODAY, include_names=True))


def test_a_group_prints_names_alphabetically_without_roles(named_group):
    section = named_group.between("Who took part", "Where we see it differently")
    # Sorted ignoring case: Aled, bethan, Carys, Zoë; in the order given they would be Zoë, Aled, ...
    assert (
        "Names (printed at the team’s request) Aled Jones; bethan Evans; Carys Hughes; Zoë Williams "
        "In alphabetical order and without roles"
    ) in section
    assert "Aled Jones (" not in named_group.flat and "(Colleague with lived experience)" not in named_group.flat


def test_a_team_answering_together_keeps_names_with_roles():
    pdf = Pdf(render_pdf(builtin(), example(), today=TODAY, include_names=True))
    assert "Gwenllïan Price (Colleague with lived experience)" in pdf.between("Who took part", "The action plan")
    assert "In alphabetical order and without roles" not in pdf.flat


def basis(pdf: Pdf) -> str:
    """The assurance basis on the board paper: who took part, by group."""
    return pdf.between("Assurance", "Top risks if nothing changes")


def test_the_assurance_basis_of_a_team_answering_together_gives_every_count_by_role():
    text = basis(Pdf(render_pdf(builtin(), example(), today=TODAY)))
    # The example: one person in each of four roles, answering together.
    assert (
        "People who took part 4 people, answering together by role: Colleague with lived experience 1 by role: "
        "Manager or team lead 1 by role: Staff member 1 by role: Partner with lived experience 1"
    ) in text
    assert "Small numbers" not in text


def test_the_assurance_basis_of_a_group_hides_small_role_counts_as_who_took_part_does():
    cover = basis(Pdf(render_pdf(builtin(), mixed_group(), today=TODAY)))
    # 3 managers, 3 colleagues with lived experience, 1 partner: the partner is fewer than 3, so
    # hidden, and the smallest count shown (3 colleagues, first by name) hides too, or 7 - 3 - 3
    # would give the partner away.
    assert (
        "People who took part 7 people, answering on their own, their answers combined by role: Colleague with "
        "lived experience not shown by role: Manager or team lead 3 by role: Partner with lived experience "
        "not shown"
    ) in cover
    assert (
        "Small numbers: where fewer than 3 people are in a group, the number is not shown, and neither is "
        "the next smallest, so nobody can be identified."
    ) in cover


def test_the_assurance_basis_of_a_group_of_four_shows_nothing_smaller_than_three(named_group):
    cover = basis(named_group)
    # 2 managers and 2 colleagues: both fewer than 3.
    assert (
        "4 people, answering on their own, their answers combined by role: Colleague with lived "
        "experience not shown by role: Manager or team lead not shown with lived experience "
        "of mental health difficulties not shown without lived experience not shown"
    ) in cover
    assert "Aled" not in flat(" ".join(named_group.pages[:4]))
