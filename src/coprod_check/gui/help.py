"""Help: the keyboard shortcuts, and what coprod-check is."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coprod_check.gui import dialogs
from coprod_check.i18n import _

SHORTCUTS = [
    (_("Alt+N, Ctrl+Page Down"), _("Next page")),
    (_("Alt+B, Ctrl+Page Up"), _("Back")),
    ("F6", _("Go to the contents (navigator)")),
    ("Ctrl+U", _("Next question not answered yet")),
    ("Ctrl+1, 2, 3", _("About this assessment, results, action plan")),
    ("Ctrl+E", _("Create the PDF action plan (when available)")),
    (_("Ctrl+N, Ctrl+O"), _("New assessment, open a file")),
    ("Ctrl+S", _("Save now (Save as, for work not yet in a file)")),
    ("Ctrl+Shift+S", _("Save as")),
    (_("Ctrl+Z; Ctrl+Shift+Z or Ctrl+Y"), _("Undo, redo (answers, notes, the plan; the Edit menu says which)")),
    (_("F4 or Alt+Down in a date"), _("Choose the date from a calendar")),
    ("Ctrl+W", _("Close the assessment (it is saved) and go to the start page")),
    (_("Arrow keys, then Space"), _("Move between answers, then choose one")),
    (_("Ctrl+Up, Ctrl+Down"), _("Move an action up or down the plan")),
]


def show_shortcuts(parent: QWidget) -> None:
    """List the keyboard shortcuts."""
    dialogs.Inform.ask(
        parent,
        _("Keyboard shortcuts"),
        _("Everything can be done with the keyboard."),
        "\n".join(f"{keys}: {what}" for keys, what in SHORTCUTS),
    )


def show_about(parent: QWidget) -> None:
    """Say what this is: the version, the licence, and every third-party notice."""
    from coprod_check.gui.about_app import AboutDialog

    AboutDialog.ask(parent)
