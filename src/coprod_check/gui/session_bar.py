"""The bar below an open assessment: overall progress, whether it is saved, back and next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

if TYPE_CHECKING:
    from coprod_check.gui.session import Session

SAVED = "\u2713 Take a break: everything is saved."


class SessionBar(QWidget):
    """Always visible while an assessment is open, so progress and safety are never hidden."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setFormat("%v of %m answered")
        self.progress.setAccessibleName("Overall progress")
        self.progress.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.state = QLabel(SAVED)
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Saving")
        self.back = QPushButton("&Back")
        self.next = QPushButton("&Next")
        for button in (self.back, self.next):
            button.setAutoDefault(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.back)
        layout.addWidget(self.next)

    def show_progress(self, done: int, total: int) -> None:
        """Show how many questions are answered."""
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setAccessibleDescription(f"{done} of {total} questions answered")

    def show_state(self, session: Session) -> str:
        """Say whether everything is saved, and where; return the state in a word or two for the title."""
        outcome = session.last_save
        if session.unsaved and (outcome is None or outcome.safe):
            text, state = "Saving\u2026", "saving"
        elif outcome is not None and not outcome.safe:
            text = (f"\u26a0 Could not save your latest changes ({outcome.message}). Trying again every "
                    "few seconds. Please keep this window open.")
            state = "not saved"
        elif outcome is not None and outcome.message:
            text = (f"\u26a0 Could not save to {outcome.message}. Your work is kept safe in a restore "
                    "copy: use Save As to save it somewhere else.")
            state = "kept in a restore copy"
        elif session.path is None:
            text = SAVED + " (Use Save As to choose where the file goes.)"
            state = "kept safe, not yet saved as a file"
        else:
            text, state = SAVED, "saved"
        self.state.setText(text)
        self.state.setToolTip(f"Saved in {session.path}" if session.path else
                              f"Kept safe in {session.restore_file.path}")
        return state
