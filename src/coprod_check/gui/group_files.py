"""Files for several voices and several rounds: a blank copy for colleagues, combining their
responses into a group assessment, and starting the next round from this one.

Each flow asks where to save with the usual dialog, writes one new file (never one of the
files it read, nor the one open), and then, for a group or a new round, opens it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.app import store
from coprod_check.app.doctype import EXTENSION
from coprod_check.app.files import same_file
from coprod_check.app.session import problem_sentence
from coprod_check.domain.errors import AssessmentError, CoprodError
from coprod_check.i18n import _, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

    from coprod_check.domain.assessment import Assessment
    from coprod_check.gui.main_window import MainWindow

BLANK_COPY_DONE = _(
    "Send it to each colleague taking part. Each of them opens it in coprod-check on their own "
    "computer, adds themselves under \u201cAbout this assessment\u201d (their role, and if they wish "
    "their name and whether they have lived experience), answers on their own, and sends the file "
    "back. Then use \u201cCombine responses\u201d to bring everyone's answers together."
)


def _save_new(
    window: MainWindow,
    assessment: Assessment,
    suggested: Path,
    title: str,
    keep: list[Path],
    chosen: Path | None = None,
    write: Callable[[Path], None] | None = None,
) -> Path | None:
    """Ask where (unless `chosen`), and write `assessment` there (or call `write`); None if the person
    cancels or it cannot be written."""
    from coprod_check.gui import dialogs

    path = chosen or dialogs.SaveAsDialog.ask(window, suggested, title=title)
    if path is None:
        return None
    if window.session is not None and window.session.path is not None:
        keep = [*keep, window.session.path]
    clash = next((k for k in keep if same_file(k, path)), None)
    if clash is not None:
        dialogs.Inform.ask(
            window,
            _("Please choose another name"),
            _("Saving there would replace {name}, which is still needed.").format(name=clash.name),
            _("Nothing has been written. Try again with a new file name."),
            problem=True,
        )
        return None
    try:
        if write is None:
            store.save(path, assessment)
        else:
            write(path)
    except CoprodError as exc:
        dialogs.Inform.ask(
            window,
            _("The file could not be saved there"),
            _("It could not be saved as {name}.").format(name=path.name),
            _("{problem_sentence}\n\nNothing else has changed.").format(
                problem_sentence=problem_sentence(getattr(exc, "message", str(exc)))
            ),
            problem=True,
        )
        return None
    return path


def save_blank_copy(window: MainWindow) -> Path | None:
    """Save a copy with no answers and no people, for colleagues to answer on their own: in
    coprod-check, in Excel or LibreOffice (a response workbook), or on paper (a PDF to print)."""
    from coprod_check.domain.combine import blank_copy
    from coprod_check.gui import dialogs
    from coprod_check.gui.exchange_dialogs import BlankCopyDialog
    from coprod_check.gui.exchange_files import done_words, write_blank
    from coprod_check.gui.export import file_name

    session = window.session
    if session is None or window.saver is None:
        return None
    window.saver.save_now()
    copy = blank_copy(session.assessment, session.questionnaire)
    folder = window.start_folder()
    asked = BlankCopyDialog.ask(
        window, folder / file_name(copy, _(" blank copy{EXTENSION}").format(EXTENSION=EXTENSION))
    )
    if asked is None:
        return None
    chosen, kind = asked
    q = session.questionnaire
    write = None if kind == "coprod" else (lambda path: write_blank(path, kind, copy, q))
    path = _save_new(window, copy, chosen, "", [], chosen=chosen, write=write)
    if path is None:
        return None
    words = BLANK_COPY_DONE if kind == "coprod" else done_words(kind)
    dialogs.Inform.ask(
        window, _("Blank copy saved"), _("A blank copy is saved as {name}.").format(name=path.name), words
    )
    window.statusBar().showMessage(_("Blank copy saved as {path}").format(path=path), 8000)
    return path


def _unique_names(paths: list[Path]) -> list[str]:
    """Each file's name, or its whole path where two chosen files share a name."""
    names = [p.name for p in paths]
    return [p.name if names.count(p.name) == 1 else str(p) for p in paths]


def combine_responses(window: MainWindow) -> Path | None:
    """Choose response files, combine them keeping every answer, save the group and open it."""
    from coprod_check.app import catalogue
    from coprod_check.app.restore import RestoreFile
    from coprod_check.domain.combine import CombineError, combine
    from coprod_check.gui import dialogs
    from coprod_check.gui.export import file_name

    folder = window.start_folder()
    paths = dialogs.ResponsesDialog.ask(window, folder)
    if not paths:
        return None
    problem = _("These responses cannot be combined")
    from coprod_check.domain.assessment import MAX_PEOPLE

    if len(paths) > MAX_PEOPLE:
        dialogs.Inform.ask(
            window,
            problem,
            _("{count:,} files were chosen.").format(count=len(paths)),
            _("A group assessment holds at most {MAX_PEOPLE:,} responses. Nothing has been written.").format(
                MAX_PEOPLE=MAX_PEOPLE
            ),
            problem=True,
        )
        return None
    from coprod_check.exchange.responses import read_any
    from coprod_check.exchange.xlsx import WorkbookError

    try:
        sources = [read_any(path, name) for path, name in zip(paths, _unique_names(paths), strict=True)]
    except AssessmentError as exc:
        dialogs.Inform.ask(
            window,
            problem,
            _("{name} cannot be read.").format(name=Path(exc.source).name),
            _("{problem_sentence}\n\nNothing has been written.").format(problem_sentence=problem_sentence(exc.message)),
            problem=True,
        )
        return None
    except WorkbookError as exc:
        listed = "\n".join(exc.problems[:30])
        more = len(exc.problems) - 30
        if more > 0:
            listed += "\n" + ngettext("...and {count} more.", "...and {count} more.", more).format(count=more)
        after = _(
            "Nothing has been written. Correct these cells (or ask the person who filled it in), then combine again."
        )
        dialogs.Inform.ask(
            window,
            problem,
            _("{name} cannot be read as it is.").format(name=Path(exc.source).name),
            f"{listed}\n\n{after}",
            problem=True,
        )
        return None
    first = sources[0].assessment
    questionnaire = catalogue.find(first.questionnaire_id)  # the newest installed version
    if questionnaire is None:
        dialogs.Inform.ask(
            window,
            problem,
            _("They answer the questionnaire \u201c{questionnaire_id}\u201d, which is not installed here.").format(
                questionnaire_id=first.questionnaire_id
            ),
            _(
                "Ask whoever made it for the questionnaire file, and put it in your questionnaires "
                "folder: {user_questionnaire_dir}\n\nNothing has been written."
            ).format(user_questionnaire_dir=catalogue.user_questionnaire_dir()),
            problem=True,
        )
        return None
    others = [
        s
        for s in sources
        if s.assessment.questionnaire_id == questionnaire.id
        and s.assessment.questionnaire_version != questionnaire.version
    ]
    update = False
    if others:
        version = questionnaire.version
        listed = "\n".join(f"{s.name}: version {s.assessment.questionnaire_version}" for s in others)
        if not dialogs.Confirm.ask(
            window,
            _("Responses to another version of the questionnaire"),
            _(
                "Some responses answer another version of the questionnaire than this one (version {version}). "
                "They can be mapped onto version {version}: every answer is kept by question, and answers "
                "to questions that no longer exist stay in the file without being scored."
            ).format(version=version),
            _("&Map them onto version {version}").format(version=version),
            _("&Cancel: combine nothing"),
            listed,
        ):
            return None
        update = True
    try:
        group, notes = combine(questionnaire, sources, update=update)
    except CombineError as exc:
        message = str(exc)
        dialogs.Inform.ask(
            window, problem, f"{message[:1].upper()}{message[1:]}.", _("Nothing has been written."), problem=True
        )
        return None
    count = len(sources)
    if notes:
        dialogs.Inform.ask(
            window,
            _("Responses combined"),
            _(
                "{count} responses are combined, and every answer is kept. Please read these "
                "notes, then choose where to save the group assessment."
            ).format(count=count),
            "\n\n".join(notes),
        )
    path = _save_new(
        window,
        group,
        paths[0].parent / file_name(group, f" group{EXTENSION}"),
        _("Save the group assessment as"),
        paths,
    )
    if path is None:
        return None
    if window.open_assessment(questionnaire, group, path, RestoreFile(window.restore_folder)):
        window.statusBar().showMessage(_("Combined {count} responses into {path}").format(count=count, path=path), 8000)
    return path


def start_next_round(window: MainWindow) -> Path | None:
    """Start a new assessment from this one, with its plan to review, save it and open it."""
    from coprod_check.app.restore import RestoreFile
    from coprod_check.domain.rounds import start_from
    from coprod_check.gui.export import file_name

    session = window.session
    if session is None or window.saver is None:
        return None
    window.saver.save_now()
    new = start_from(session.questionnaire, session.assessment, str(session.path or ""))
    folder = window.start_folder()
    name = file_name(new, EXTENSION)
    if session.path is not None and Path(name).stem == session.path.stem:  # X.json must not meet X.coprod
        name = file_name(new, _(" next round{EXTENSION}").format(EXTENSION=EXTENSION))
    path = _save_new(window, new, folder / name, _("Save the next round as"), [])
    if path is None:
        return None
    if window.open_assessment(session.questionnaire, new, path, RestoreFile(window.restore_folder)):
        window.statusBar().showMessage(_("Started the next round in {path}").format(path=path), 8000)
    return path
