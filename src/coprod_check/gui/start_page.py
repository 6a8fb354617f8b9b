"""The start page: carry on with unsaved work, start a new assessment, or open one."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_check.domain.wording import long_date
from coprod_check.gui.widgets import NoteBox, form_label, heading, readable, scrolled_column, text_label
from coprod_check.i18n import _, ngettext

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from coprod_check.app.catalogue import Entry
    from coprod_check.app.restore import RestoreOffer

INTRO = _(
    "This assessment helps you see whether your organisation only gives care to people with "
    "lived experience of mental health difficulties, or also does work with them, as equals. "
    "Answer together if you can, and say what you really see. Everything is saved as you go, "
    "so you can stop at any time."
)


def when(timestamp: float) -> str:
    """A time in words: "today at 14:02" or "on 3 March 2026 at 14:02"."""
    moment = time.localtime(timestamp)
    clock = time.strftime("%H:%M", moment)
    if time.strftime("%Y-%m-%d", moment) == time.strftime("%Y-%m-%d"):
        return _("today at {clock}").format(clock=clock)
    return _("on {long_date} at {clock}").format(long_date=long_date(time.strftime("%Y-%m-%d", moment)), clock=clock)


def friendly_folder(folder: Path) -> str:
    """A folder as a person knows it: "Documents/Team papers" for one in their home folder, "your
    home folder" for that itself, and the whole path only for a folder elsewhere (a shared drive)."""
    try:
        home = Path.home()
        inside = folder.relative_to(home)
    except (RuntimeError, ValueError):
        return str(folder)
    return _("your home folder") if str(inside) == "." else inside.as_posix()


class StartPage(QWidget):
    """Signals carry what the person chose; the window does the work."""

    new_requested = Signal(object)  # a Questionnaire
    open_requested = Signal(object)  # a Path, or None to ask for one
    restore_requested = Signal(object)  # a RestoreOffer
    discard_requested = Signal(object)  # a RestoreOffer
    folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scroller, self.layout_ = scrolled_column(self)
        self.layout_.addWidget(heading(_("Do we give care to people, or work with them?"), 1))
        self.intro = readable(text_label(INTRO, selectable=False))
        self.layout_.addWidget(self.intro)

        self.restore_area = QVBoxLayout()
        self.layout_.addLayout(self.restore_area)
        self._restore_widgets: list[QWidget] = []

        self.layout_.addWidget(heading(_("Start a new assessment"), 2))
        self.questionnaire = QComboBox()
        self.questionnaire.setAccessibleName(_("Questionnaire"))
        self.layout_.addWidget(form_label(_("&Questionnaire:"), self.questionnaire))
        self.layout_.addWidget(self.questionnaire)
        self.description = readable(text_label(selectable=False))
        self.layout_.addWidget(self.description)
        self.unusable = NoteBox()
        readable(self.unusable.label)
        self.layout_.addWidget(self.unusable)
        row = QHBoxLayout()
        self.new_button = QPushButton(_("Start a &new assessment"))
        self.folder_button = QPushButton(_("Open your questionnaires fol&der"))
        self.folder_button.setAccessibleDescription(
            _("Opens the folder where you can add your own questionnaire files.")
        )
        for button in (self.new_button, self.folder_button):
            button.setAutoDefault(True)
            row.addWidget(button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.folder_note = readable(text_label(selectable=False))
        self.layout_.addWidget(self.folder_note)

        self.layout_.addWidget(heading(_("Carry on with an assessment"), 2))
        self.open_button = QPushButton(_("&Open an assessment file\u2026"))
        self.open_button.setAutoDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.recent = QListWidget()
        self.recent.setAccessibleDescription(_("Press Enter to open the file selected."))
        self.recent_label = form_label(_("&Recent assessments:"), self.recent)
        self.layout_.addWidget(self.recent_label)
        self.layout_.addWidget(self.recent)
        self.layout_.addStretch(1)

        self._entries: list[Entry] = []
        self._recent: list[Path] = []
        self.restore_buttons: list[QPushButton] = []
        self.questionnaire.currentIndexChanged.connect(self._describe)
        self.new_button.clicked.connect(self._new)
        self.folder_button.clicked.connect(self.folder_requested)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(None))
        self.recent.itemActivated.connect(self._open_recent)

    def show_choices(self, entries: list[Entry], recent: list[Path], offers: list[RestoreOffer], folder: Path) -> None:
        """Fill the page with the questionnaires, recent files and restore offers."""
        from coprod_check.gui import widgets

        self._entries = [e for e in entries if e.questionnaire is not None]
        self.questionnaire.clear()
        for entry in self._entries:
            q = entry.questionnaire
            assert q is not None
            shown = (
                _("{title} (version {version})")
                if entry.builtin
                else _("{title} (version {version}, from your folder)")
            )
            self.questionnaire.addItem(shown.format(title=q.title, version=q.version))
        self.new_button.setEnabled(bool(self._entries))
        broken = [e for e in entries if e.questionnaire is None]
        self.unusable.setVisible(bool(broken))
        if broken:
            lines = [
                f"{e.path.name}: {e.error.problems[0].message if e.error and e.error.problems else 'unreadable'}"
                for e in broken
            ]
            self.unusable.set_text(
                _(
                    "These files in your questionnaires folder cannot be used yet. "
                    "Run \u201ccoprod-check validate\u201d on them to see every problem.\n"
                )
                + "\n".join(lines)
            )
        # The folder itself is a long technical path: the button opens it, and the path is there
        # for whoever needs it (hover, or a screen reader's description).
        self.folder_note.setText(
            _(
                "To use a questionnaire of your own, put its file in your questionnaires folder (the "
                "button above opens it), then come back to this page."
            )
        )
        self.folder_note.setToolTip(widgets.plain_tooltip(str(folder)))
        self.folder_note.setAccessibleDescription(_("The folder is {folder}").format(folder=folder))
        self.folder_button.setToolTip(widgets.plain_tooltip(str(folder)))
        self.recent.clear()
        self._recent = list(recent)
        for path in recent:
            shown = (
                _("{name}\nin {parent}")
                if path.exists()
                else _("{name} (not found: moved, deleted or on a drive not connected)\nin {parent}")
            )
            item = QListWidgetItem(shown.format(name=path.name, parent=friendly_folder(path.parent)))
            item.setToolTip(widgets.plain_tooltip(str(path)))
            self.recent.addItem(item)
        has_recent = bool(recent)
        self.recent.setVisible(has_recent)
        self.recent_label.setVisible(has_recent)
        if has_recent:
            self.recent.setCurrentRow(0)
            rows = min(len(recent), 6)
            self.recent.setFixedHeight(self.recent.sizeHintForRow(0) * rows + 2 * self.recent.frameWidth() + 4)
        self._show_offers(offers)
        self._describe()

    def _show_offers(self, offers: list[RestoreOffer]) -> None:
        for widget in self._restore_widgets:
            widget.setParent(None)
            widget.deleteLater()
        self._restore_widgets = []
        self.restore_buttons = []
        if not offers:
            return
        title = heading(_("Work to carry on with"), 2)
        self.restore_area.addWidget(title)
        self._restore_widgets.append(title)
        for number, offer in enumerate(offers):
            box = NoteBox(self._describe_offer(offer))
            row = QHBoxLayout()
            carry_on = QPushButton(_("&Carry on with this") if number == 0 else _("Carry on with this"))
            carry_on.setEnabled(offer.assessment is not None)
            discard = QPushButton(_("Discard\u2026"))
            name = self._offer_name(offer)
            carry_on.setAccessibleName(_("Carry on with {name}").format(name=name))
            discard.setAccessibleName(_("Discard {name}").format(name=name))
            for button in (carry_on, discard):
                button.setAutoDefault(True)
                row.addWidget(button)
            row.addStretch(1)
            box.content.addLayout(row)
            carry_on.clicked.connect(lambda _=False, o=offer: self.restore_requested.emit(o))
            discard.clicked.connect(lambda _=False, o=offer: self.discard_requested.emit(o))
            self.restore_area.addWidget(box)
            self._restore_widgets.append(box)
            self.restore_buttons += [carry_on, discard]

    @staticmethod
    def _offer_name(offer: RestoreOffer) -> str:
        a = offer.assessment
        if a is None:
            return _("an unreadable restore file")
        return ", ".join(x for x in (a.organisation, a.team) if x) or _("an untitled assessment")

    def _describe_offer(self, offer: RestoreOffer) -> str:
        a = offer.assessment
        if a is None:
            return _(
                "A restore copy could not be read: it {error}. It has been set aside as "
                "{name} in {parent}, in case it can be rescued, and "
                "will not be offered again."
            ).format(error=offer.error, name=offer.file.path.name, parent=offer.file.path.parent)
        answered = sum(1 for ans in a.answers.values() if ans.choice)
        head = self._offer_name(offer)
        head = head[0].upper() + head[1:]
        what = (
            _("It was meant to be saved in {target}, which could not be written.").format(target=offer.target)
            if offer.target
            else _("It has not been saved as a file yet.")
        )
        return ngettext(
            "{head}: {answered} question answered, last changed "
            "{when}. {what} Nothing was lost: carry on with it, then use "
            "Save As to keep it where you want.",
            "{head}: {answered} questions answered, last changed "
            "{when}. {what} Nothing was lost: carry on with it, then use "
            "Save As to keep it where you want.",
            answered,
        ).format(head=head, answered=answered, when=when(offer.modified), what=what)

    def tab_sequence(self) -> list[QWidget]:
        """The page's inputs in tab order."""
        return [
            self.intro,
            *self.restore_buttons,
            self.questionnaire,
            self.description,
            self.unusable.label,
            self.new_button,
            self.folder_button,
            self.folder_note,
            self.open_button,
            self.recent,
        ]

    def focus_first(self) -> None:
        """Put the focus where most people start."""
        buttons = [b for b in self.restore_buttons if b.isEnabled()]
        (buttons[0] if buttons else self.new_button).setFocus()
        # Focus set by code does not scroll, and with large fonts the button can be out of sight.
        # The page is laid out only once shown, so this waits a turn of the event loop.
        QTimer.singleShot(0, self, self._scroll_to_focus)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Keep the focused input in sight when the window is made smaller (or the system shrinks it)."""
        super().resizeEvent(event)
        focused = self.focusWidget()
        if focused is not None and focused.hasFocus():
            QTimer.singleShot(0, self, self._scroll_to_focus)  # after the text has wrapped to the new width

    @Slot()
    def _scroll_to_focus(self) -> None:
        focused = self.focusWidget()
        if focused is not None:
            self.scroller.ensureWidgetVisible(focused)

    @Slot()
    def _describe(self) -> None:
        index = self.questionnaire.currentIndex()
        if 0 <= index < len(self._entries):
            q = self._entries[index].questionnaire
            assert q is not None
            count = sum(len(d.questions) for d in q.domains)
            self.description.setText(
                _(
                    "{description}\n\n{count} questions in {count2} "
                    "sections. You can answer them in one go or over several sittings."
                ).format(description=q.description, count=count, count2=len(q.domains))
            )
        else:
            self.description.setText(_("No questionnaire is available."))

    @Slot()
    def _new(self) -> None:
        index = self.questionnaire.currentIndex()
        if 0 <= index < len(self._entries):
            self.new_requested.emit(self._entries[index].questionnaire)

    @Slot(QListWidgetItem)
    def _open_recent(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(self._recent[self.recent.row(item)])
