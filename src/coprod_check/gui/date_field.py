"""A date typed as people write it, or picked from a calendar: one Tab stop, never a trap.

Qt's QDateEdit keeps Tab for its day, month and year in turn, says nothing as it does, reads
"31" typed over "28 February" as the 3rd, and takes Alt+Down for "year minus one". This field
is a line of text read day first (app/dates.py); F4 or Alt+Down opens a calendar. A date that
does not exist, or that is earlier than allowed, is refused: the field keeps what was typed,
says why under it, and screen readers hear the same sentence at once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from coprod_check.app.dates import read_date
from coprod_check.domain.wording import long_date
from coprod_check.gui.widgets import PlainLabel, announce, readable
from coprod_check.i18n import N_, _

HOW = N_(
    "Type the day, month and year, for example 31 January 2027. Press F4 or Alt+Down to choose it from a calendar."
)


def _names(locale: QLocale) -> tuple[list[list[str]], list[str]]:
    months = [
        [
            locale.monthName(m, QLocale.FormatType.LongFormat),
            locale.monthName(m, QLocale.FormatType.ShortFormat),
            locale.standaloneMonthName(m, QLocale.FormatType.LongFormat),
        ]
        for m in range(1, 13)
    ]
    forms = (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat)
    days = [locale.dayName(d, f) for d in range(1, 8) for f in forms]
    return months, days


class _Calendar(QCalendarWidget):
    """The calendar shown as a popup under the field; Enter or a click chooses, Escape closes."""

    chosen = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setGridVisible(True)
        self.setAccessibleName(_("Choose a date"))
        self.activated.connect(self._chosen)
        self.clicked.connect(self._chosen)

    @Slot(QDate)
    def _chosen(self, day: QDate) -> None:
        # After the key or click that chose it is handled: closing the popup inside its own
        # key event leaves Qt delivering the rest of the event to a view no longer shown.
        QTimer.singleShot(0, lambda: self._close_with(day))

    def _close_with(self, day: QDate) -> None:
        self.close()
        self.chosen.emit(day)


class DateField(QWidget):
    """Emits `changed(iso)` with each date accepted ("" when emptied, if `optional`)."""

    changed = Signal(str)

    def __init__(self, name: str, optional: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.optional = optional
        self.earliest: dt.date | None = None
        self.earliest_reason = ""
        self._value: dt.date | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.edit.setAccessibleDescription(_(HOW))
        self.edit.setToolTip(_(HOW))
        self.edit.setPlaceholderText(_("Not set") if optional else "")
        self.pick = QToolButton()
        self.pick.setText(_("Calendar\u2026"))
        self.pick.setAccessibleName(_("Choose the date from a calendar"))
        self.pick.setToolTip(_("Choose the date from a calendar (F4 or Alt+Down)"))
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one Tab stop; the keys open it from the field
        row.addWidget(self.edit, 1)
        row.addWidget(self.pick)
        column.addLayout(row)
        self.problem = readable(PlainLabel())
        self.problem.setVisible(False)
        column.addWidget(self.problem)

        self.calendar: _Calendar | None = None
        self.edit.editingFinished.connect(self._typed)
        self.edit.installEventFilter(self)
        self.pick.clicked.connect(self.open_calendar)

    # -- the value ---------------------------------------------------------------

    def set_iso(self, iso: str | None) -> None:
        """Show this date (an ISO date, or None or "" for none), forgetting any problem shown."""
        try:
            self._value = dt.date.fromisoformat(iso) if iso else None
        except ValueError:
            self._value = None
        self._show_value()
        self._show_problem("")

    def iso(self) -> str:
        """The date accepted last, as an ISO date ("" if none)."""
        return self._value.isoformat() if self._value else ""

    def date(self) -> dt.date | None:
        """The date accepted last."""
        return self._value

    def _show_value(self) -> None:
        self.edit.blockSignals(True)
        self.edit.setText(long_date(self._value.isoformat(), "") if self._value else "")
        self.edit.blockSignals(False)

    # -- typing and choosing ----------------------------------------------------------

    @Slot()
    def _typed(self) -> None:
        text = self.edit.text().strip()
        if not text:
            if self.optional:
                self._accept(None)
            else:
                self._show_problem(_("Please type a date, or choose one from the calendar."))
            return
        locale = QLocale()
        months, days = _names(locale)
        found = read_date(
            text,
            months,
            days,
            say=lambda d: long_date(d.isoformat(), ""),
            earliest=self.earliest,
            earliest_reason=self.earliest_reason,
        )
        if found.day is None:
            self._show_problem(found.problem)
            return
        self._accept(found.day)

    def _accept(self, day: dt.date | None) -> None:
        self._show_problem("")
        changed = day != self._value
        self._value = day
        self._show_value()
        if changed:
            self.changed.emit(self.iso())

    def _show_problem(self, text: str) -> None:
        was = self.problem.text() if self.problem.isVisible() else ""
        self.problem.setText(f"\u26a0 {text}" if text else "")  # a PlainLabel: shown as written
        self.problem.setVisible(bool(text))
        # Not also put in the field's description: Orca then said it twice (heard under Xvfb).
        if text and text != was:
            announce(self, text, urgent=True)

    @Slot()
    def open_calendar(self) -> None:
        """Show the calendar under the field, on the date shown (or today)."""
        if self.calendar is None:
            self.calendar = _Calendar(self)
            self.calendar.chosen.connect(self._picked)
        start = self._value or dt.date.today()
        if self.earliest is not None:
            self.calendar.setMinimumDate(QDate(self.earliest.year, self.earliest.month, self.earliest.day))
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    @Slot(QDate)
    def _picked(self, day: QDate) -> None:
        self._accept(dt.date(day.year(), day.month(), day.day()))
        self.window().activateWindow()  # back from the popup, to where the person was
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.open_calendar()
                return True
        return False
