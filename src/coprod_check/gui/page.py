"""What the window asks of every page of an assessment: the about page, last time's plan, a question,
the results and the action plan. The window knows pages only through this protocol."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class Page(Protocol):
    """One page of an open assessment, shown in the window's stack."""

    def enter(self, page: str) -> None:
        """Get ready to be shown as the page with key `page` (a question page shows that question;
        the results and the plan are worked out afresh)."""

    def focus_first(self) -> None:
        """Put the keyboard focus on the page's first input."""

    def tab_sequence(self) -> list[QWidget]:
        """The page's inputs in the order Tab visits them."""
