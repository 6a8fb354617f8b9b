"""Typing in paper responses, one person at a time, keyboard first.

The dialog asks for the folder to save into, then for each person: their role, lived experience
and name (as ticked on the paper), then each question in the paper form's order. On a question,
the keys 1 to 5 tick a level, D "Don't know", N "Not applicable", R "I'd rather not answer",
0 or Delete clears it; Tab
reaches the note; Enter goes on, Page Up goes back. After the last question Enter saves the
person's response and starts the next one. Everything is announced to screen readers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coprod_check.domain.questionnaire import DONT_KNOW, NOT_APPLICABLE, RATHER_NOT
from coprod_check.exchange import words
from coprod_check.exchange.typed_in import PaperResponse
from coprod_check.gui.widgets import announce, form_label, heading, set_tab_chain, text_label
from coprod_check.i18n import _, ngettext

if TYPE_CHECKING:
    from coprod_check.domain.assessment import Assessment
    from coprod_check.domain.questionnaire import Questionnaire
    from coprod_check.gui.main_window import MainWindow

_KEYS = {DONT_KNOW: "D", NOT_APPLICABLE: "N", RATHER_NOT: "R"}


class PaperFolderDialog:
    """The folder the typed-in responses are saved into."""

    @classmethod
    def ask(cls, parent: QWidget | None, folder: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, _("Choose a folder for the typed-in responses"), str(folder))
        return Path(name) if name else None


class _Choices(QListWidget):
    """The answers of one question; 1-9, D, N and 0 tick one without moving the focus."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().upper()
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole + 1) == text and text:
                self.setCurrentRow(row)
                return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setCurrentRow(0)
            return
        super().keyPressEvent(event)


class PaperEntryDialog(QDialog):
    """One person's paper form at a time, typed in by keyboard (see the module)."""

    def __init__(self, parent: QWidget | None, assessment: Assessment, q: Questionnaire, folder: Path):
        super().__init__(parent)
        self.setWindowTitle(_("Type in paper responses"))
        self.assessment, self.q, self.folder = assessment, q, folder
        self.saved: list[Path] = []
        self.index = -1  # -1: about the person; len(questions): ready to save
        self.response = PaperResponse(assessment, q)
        layout = QVBoxLayout(self)
        self.where = heading("", 2)
        layout.addWidget(self.where)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self._about_page()
        self._question_page()
        self._save_page()
        row = QHBoxLayout()
        self.back = QPushButton(_("&Back"))
        self.next = QPushButton(_("&Next"))
        self.finish = QPushButton(_("&Finish (close)"))
        self.back.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.finish.clicked.connect(self.reject)
        for button in (self.back, self.next, self.finish):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.step(-1))
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().lineSpacing() * 32)
        self._show()

    # -- pages ------------------------------------------------------------------------------

    def _about_page(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.role = QComboBox()
        self.role.addItem(_("(not ticked: choose the role ticked on the form)"), "")
        for p in self.q.perspectives:
            self.role.addItem(p.label, p.id)
        self.lived = QComboBox()
        for key, label in words.LIVED_EXPERIENCE_LABELS.items():
            self.lived.addItem(_(label), key)
        self.lived.setCurrentIndex(self.lived.findData("prefer-not-to-say"))
        self.name = QLineEdit()
        # Orca says nothing when a closed combo box's value changes under the arrow keys (heard with
        # tools/orca_check.sh), so the new value is announced.
        self.role.currentIndexChanged.connect(lambda _i: self._say(self.role.currentText()))
        self.lived.currentIndexChanged.connect(lambda _i: self._say(self.lived.currentText()))
        # Combo boxes are named outright: a screen reader would otherwise announce only the value.
        self.role.setAccessibleName(_("Role ticked on the form"))
        self.lived.setAccessibleName(_("Lived experience ticked on the form"))
        self.name.setAccessibleName(_("Name written on the form (optional)"))
        self.name.setAccessibleDescription(
            _("Only if the person wrote their name on the form. Leave it empty otherwise.")
        )
        form.addRow(form_label(_("&Role ticked:"), self.role, wrap=False), self.role)
        form.addRow(form_label(_("&Lived experience ticked:"), self.lived, wrap=False), self.lived)
        form.addRow(form_label(_("Na&me written (optional):"), self.name, wrap=False), self.name)
        self.pages.addWidget(page)

    def _question_page(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        self.prompt = text_label("")
        column.addWidget(self.prompt)
        self.choice_list = _Choices()
        # Each answer's whole sentence, wrapped: as on the paper, never cut off at the edge.
        self.choice_list.setWordWrap(True)
        self.choice_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.choice_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.choice_list.setSpacing(2)
        column.addWidget(form_label(_("Bo&x ticked (1 to 5, D, N, R; 0 for none):"), self.choice_list))
        column.addWidget(self.choice_list, 1)
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note written on the form (optional)"))
        column.addWidget(form_label(_("N&ote written (optional):"), self.note, wrap=False))
        column.addWidget(self.note)
        self.pages.addWidget(page)

    def _save_page(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        self.summary = text_label("")
        column.addWidget(self.summary)
        column.addStretch(1)
        self.pages.addWidget(page)

    # -- moving -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step(1)
            return
        super().keyPressEvent(event)

    @Slot()
    def step(self, by: int) -> None:
        """Keep what is on screen, then go `by` steps (saving after the last question)."""
        last = len(self.response.questions)
        if not self._keep():
            return
        if by > 0 and self.index == last:
            self._save_person()
            return
        self.index = max(-1, min(last, self.index + by))
        self._show()

    def _keep(self) -> bool:
        if self.index == -1:
            role = self.role.currentData()
            if not role:
                self._say(_("Please choose the role ticked on the form first. If none is ticked, choose Other."))
                self.role.setFocus()
                return False
            self.response.role = role
            self.response.lived = self.lived.currentData()
            self.response.name = self.name.text()
        elif 0 <= self.index < len(self.response.questions):
            item = self.choice_list.currentItem()
            choice = item.data(Qt.ItemDataRole.UserRole) if item else None
            self.response.set_answer(self.index, choice or None, self.note.text())
        return True

    def _show(self) -> None:
        total = len(self.response.questions)
        person = len(self.saved) + 1
        if self.index == -1:
            self.pages.setCurrentIndex(0)
            self.where.setText(_("Person {number}: about them").format(number=person))
            self.role.setFocus()
            said = _("Person {number}. Choose the role ticked on the form.").format(number=person)
        elif self.index < total:
            self.pages.setCurrentIndex(1)
            question = self.response.questions[self.index]
            where = _("Person {number}: question {index} of {total}")
            self.where.setText(where.format(number=person, index=self.index + 1, total=total))
            prompt = _("{index}. {prompt}  (question id: {id})")
            self.prompt.setText(prompt.format(index=self.index + 1, prompt=question.prompt, id=question.id))
            self.choice_list.clear()
            none = QListWidgetItem(_("0  No box ticked"))
            none.setData(Qt.ItemDataRole.UserRole, "")
            none.setData(Qt.ItemDataRole.UserRole + 1, "0")
            self.choice_list.addItem(none)
            for n, c in enumerate(self.response.choices(self.index), 1):
                key = _KEYS.get(c.id, str(n))
                item = QListWidgetItem(f"{key}  {c.label}" + (f": {c.text}" if c.text else ""))
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, key)
                self.choice_list.addItem(item)
            recorded = self.response.answer(self.index)
            rows = [self.choice_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.choice_list.count())]
            self.choice_list.setCurrentRow(rows.index(recorded.choice) if recorded.choice in rows else 0)
            self.note.setText(recorded.note)
            self.choice_list.setAccessibleName(_("Box ticked for question {index}").format(index=self.index + 1))
            self.choice_list.setFocus()
            said = _("Question {index} of {total}. {prompt}").format(
                index=self.index + 1, total=total, prompt=question.prompt
            )
        else:
            self.pages.setCurrentIndex(2)
            ticked, blank = self.response.counts()
            self.where.setText(_("Person {number}: ready to save").format(number=person))
            sentences = (
                ngettext("{count} question has a box ticked.", "{count} questions have a box ticked.", ticked),
                ngettext("{count} is left blank.", "{count} are left blank.", blank),
                _("Press Enter to save this person's response and start the next person, or Back to check an answer."),
            )
            self.summary.setText(
                " ".join(x.format(count=n) for x, n in zip(sentences, (ticked, blank, 0), strict=True))
            )
            self.next.setFocus()
            said = self.summary.text()
        self.back.setEnabled(self.index > -1)
        self.next.setText(_("&Save and start the next person") if self.index == total else _("&Next"))
        set_tab_chain(
            [self.role, self.lived, self.name, self.choice_list, self.note, self.back, self.next, self.finish]
        )
        self._say(said)

    def _save_person(self) -> None:
        from coprod_check.domain.errors import CoprodError

        try:
            path = self.response.save(self.folder)
        except (CoprodError, OSError) as exc:
            self._say(_("This response could not be saved: {reason}. Nothing was written.").format(reason=exc))
            return
        self.saved.append(path)
        self.response = PaperResponse(self.assessment, self.q)
        self.role.setCurrentIndex(0)
        self.lived.setCurrentIndex(self.lived.findData("prefer-not-to-say"))
        self.name.clear()
        self.index = -1
        self._show()
        said = _("Saved as {name}. Person {number}: choose the role ticked on the form.")
        self._say(said.format(name=path.name, number=len(self.saved) + 1))

    def _say(self, text: str) -> None:
        announce(self, text)
        self.setAccessibleDescription(text)

    @classmethod
    def ask(cls, parent: QWidget | None, assessment: Assessment, q: Questionnaire, folder: Path) -> list[Path]:
        """Type in responses until the person closes the dialog; the files saved."""
        dialog = cls(parent, assessment, q, folder)
        dialog.exec()
        return dialog.saved


def type_in_paper(window: MainWindow) -> list[Path]:
    """Choose a folder, then type in paper responses one person at a time."""
    from coprod_check.gui import dialogs

    session = window.session
    if session is None:
        return []
    start = session.path.parent if session.path else window.documents()
    folder = PaperFolderDialog.ask(window, start)
    if folder is None:
        return []
    saved = PaperEntryDialog.ask(window, session.assessment, session.questionnaire, folder)
    if saved:
        dialogs.Inform.ask(
            window,
            _("Paper responses saved"),
            ngettext(
                "{count} paper response is saved in {folder}.",
                "{count} paper responses are saved in {folder}.",
                len(saved),
            ).format(count=len(saved), folder=folder),
            _("Choose them in \u201cCombine responses\u201d, beside the other responses. Then shred the paper forms."),
        )
    return saved
