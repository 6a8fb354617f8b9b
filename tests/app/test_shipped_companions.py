"""Every file shipped beside the built-in questionnaires is what it says it is, and the built-in
update map carries every answer given to 1.0 or 1.1 over to the current version, losing none."""

from __future__ import annotations

import pytest

from coprod_check.app import catalogue, resources
from coprod_check.app.companions import read_document, shipped_companions
from coprod_check.domain.assessment import Answer, Assessment
from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE
from coprod_check.domain.update import adopt, check_update
from coprod_check.domain.updatemap import check_against

FOLDER = resources.data_dir("questionnaires")
SHIPPED = [*resources.builtin_questionnaires(), *shipped_companions(FOLDER)]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(FOLDER)))
def test_every_shipped_file_reads_as_its_kind(path):
    doc = read_document(path)
    if path.parent == FOLDER:
        assert doc.kind == "questionnaire"  # the catalogue's folder holds questionnaires only
    elif path.parent.name == "previous":
        assert doc.kind == "questionnaire" and doc.questionnaire.version != catalogue.find(doc.questionnaire.id).version
    else:
        assert doc.kind != "questionnaire"


def test_no_companion_or_earlier_copy_is_offered():
    offered = [e.path for e in catalogue.discover(include_user=False)]
    assert offered == resources.builtin_questionnaires()
    assert all(e.questionnaire is not None for e in catalogue.discover(include_user=False))


def current():
    q = catalogue.find("coproduction-readiness", "1.1")
    if q.version == "1.1":
        pytest.skip("the built-in questionnaire is still 1.1: nothing to carry over yet")
    return q


def test_the_built_in_update_map_fits_both_versions():
    q = current()
    [umap] = q.updates
    [old] = q.earlier
    assert old.version == "1.1" and umap.leads_from("1.0") and umap.leads_from("1.1")
    assert check_against(umap, q, old) == []


@pytest.mark.parametrize("version", ["1.0", "1.1"])
@pytest.mark.parametrize("step", [0, 1, 2, 3, 4])
def test_a_whole_earlier_assessment_opens_with_the_current_version_and_keeps_every_answer(version, step):
    q = current()
    [old] = q.earlier
    a = Assessment.new(old)
    a.questionnaire_version = version
    for i, question in enumerate(old.questions()):
        levels = old.levels_for(question)
        choice = levels[(step + i) % len(levels)].id
        if i % 7 == 3:
            choice = DONT_KNOW
        if question.not_applicable and i % 5 == 1:
            choice = NOT_APPLICABLE
        a.answers[question.id] = Answer(choice, note=f"note {question.id}")
    given = {k: v.choice for k, v in a.answers.items()}
    report = check_update(q, a)
    assert report.invalid_answers == ()  # every level lands on a level of the new version
    adopt(q, a)
    for qid, choice in given.items():
        found = a.answers.get(qid)
        named = [x for x in a.answers.values() if x.check and x.check.question == qid]
        kept = found is not None and (found.choice == choice or (found.check and found.check.answer == choice))
        assert kept or any(x.check.answer == choice for x in named), qid
        assert any(x.note == f"note {qid}" for x in a.answers.values()), qid
    assert set(report.orphaned_answers) == {x for x in given if q.question(x) is None}
