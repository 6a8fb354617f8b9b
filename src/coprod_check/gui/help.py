"""Help: the keyboard shortcuts, and what coprod-check is."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coprod_check.gui import dialogs

SHORTCUTS = [
    ("Alt+N, Ctrl+Page Down", "Next page"),
    ("Alt+B, Ctrl+Page Up", "Back"),
    ("F6", "Go to the contents (navigator)"),
    ("Ctrl+U", "Next question not answered yet"),
    ("Ctrl+1, 2, 3", "About this assessment, results, action plan"),
    ("Ctrl+E", "Create the PDF action plan (when available)"),
    ("Ctrl+N, Ctrl+O", "New assessment, open a file"),
    ("Ctrl+S", "Save now (Save as, for work not yet in a file)"),
    ("Ctrl+Shift+S", "Save as"),
    ("Ctrl+W", "Close the assessment (it is saved) and go to the start page"),
    ("Arrow keys, then Space", "Move between answers, then choose one"),
    ("Ctrl+Up, Ctrl+Down", "Move an action up or down the plan"),
]


def show_shortcuts(parent: QWidget) -> None:
    """List the keyboard shortcuts."""
    dialogs.Inform.ask(
        parent,
        "Keyboard shortcuts",
        "Everything can be done with the keyboard.",
        "\n".join(f"{keys}: {what}" for keys, what in SHORTCUTS),
    )


def show_about(parent: QWidget) -> None:
    """Say what this is: the version, the licence, and every third-party notice."""
    from coprod_check.gui.about_app import AboutDialog

    AboutDialog.ask(parent)
