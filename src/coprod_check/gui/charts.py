"""The results charts, painted with the palette and labelled in words and numbers.

Every value is printed beside its mark, the current quadrant is hatched and
named, and "not scored yet" is written out: nothing depends on colour, and a
domain with no answers never looks like a score of 0. Each chart also gives
screen readers its whole content as an accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from coprod_check.domain.headline import NOT_KNOWN, domain_counts, grid, place_title
from coprod_check.domain.questionnaire import Questionnaire
from coprod_check.domain.scoring import DomainScore, Result
from coprod_check.gui.a11y import set_role
from coprod_check.gui.widgets import scaled_font
from coprod_check.i18n import N_, _

NOT_SCORED = NOT_KNOWN
DOMAIN_CHART = N_("Chart: scores by domain, out of 100")
QUADRANT_CHART = N_("Chart: care and with, and where they put you")


def score_text(value: float | None) -> str:
    """A score as people read it, or "not known yet" (the words every output uses)."""
    from coprod_check.domain.headline import figure

    return figure(value)


class DomainChart(QWidget):
    """A horizontal bar per domain, 0 to 100, with the number printed and the answers counted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.domains: tuple[DomainScore, ...] = ()
        self.words = ""  # what the chart shows, in words
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        set_role(self, "chart")
        self.setAccessibleName(_(DOMAIN_CHART))

    def set_domains(self, domains: tuple[DomainScore, ...]) -> None:
        """Show these domain scores."""
        self.domains = domains
        words = "; ".join(f"{d.title}: {score_text(d.score)}, {domain_counts(d)}" for d in domains)
        # The name carries the content (Orca reads a focused object's name); no description, which
        # Orca reads after the name of a chart: it would be heard twice.
        self.words = words
        self.setAccessibleName(f"{_(DOMAIN_CHART)}. {words}.")
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().lineSpacing() * 3 + 8

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        metrics = self.fontMetrics()
        height = self._row_height() * len(self.domains) + metrics.lineSpacing() * 2
        return QSize(metrics.averageCharWidth() * 70, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = self.sizeHint()
        return QSize(self.fontMetrics().averageCharWidth() * 40, hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text, mid = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Mid)
        fill = palette.color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        row_h = self._row_height()
        label_w = int(self.width() * 0.38)
        number_w = metrics.horizontalAdvance(" 100 ") + 4
        left, right = label_w + 8, self.width() - number_w
        width = max(10, right - left)
        small = scaled_font(self.font(), 0.9)
        for i, d in enumerate(self.domains):
            top = i * row_h
            painter.setPen(text)
            painter.setFont(self.font())
            painter.drawText(
                QRectF(0, top, label_w, row_h - metrics.lineSpacing() - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
                d.title,
            )
            painter.setFont(small)
            painter.drawText(
                QRectF(0, top + row_h - metrics.lineSpacing() - 4, label_w, metrics.lineSpacing()),
                Qt.AlignmentFlag.AlignLeft,
                domain_counts(d),
            )
            track = QRectF(left, top + row_h / 2 - metrics.lineSpacing() / 2, width, metrics.lineSpacing())
            painter.setPen(QPen(mid, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(track)
            painter.setFont(self.font())
            if d.score is None:
                painter.setPen(text)
                painter.drawText(track.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, NOT_SCORED)
                continue
            bar = QRectF(track.left(), track.top(), width * d.score / 100, track.height())
            painter.setPen(QPen(text, 1))
            painter.setBrush(fill)
            painter.drawRect(bar)
            painter.setPen(text)
            painter.drawText(
                QRectF(right + 4, track.top(), number_w, track.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                score_text(d.score),
            )
        # The scale, so a bar's length can be read against it.
        base = len(self.domains) * row_h
        painter.setFont(small)
        painter.setPen(QPen(mid, 1, Qt.PenStyle.DotLine))
        for tick in (0, 25, 50, 75, 100):
            x = left + width * tick / 100
            painter.drawLine(QPointF(x, 0), QPointF(x, base))
        painter.setPen(text)
        for tick in (0, 25, 50, 75, 100):
            x = left + width * tick / 100
            label = str(tick)
            w = QFontMetrics(small).horizontalAdvance(label)
            painter.drawText(QPointF(x - w / 2, base + metrics.lineSpacing()), label)


class QuadrantChart(QWidget):
    """Care across, with up: the questionnaire's places, the current one hatched, a marked point."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.care: float | None = None
        self.with_: float | None = None
        self.cells: list[tuple[float, float, float, float, str, str]] = []
        self.current: str | None = None
        self.who = _("You")
        self.words = ""  # what the chart shows, in words
        self.lived: tuple[float, float] | None = None  # the lived-experience side of a group, when shown
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        set_role(self, "chart")
        self.setAccessibleName(_(QUADRANT_CHART))

    def set_result(self, questionnaire: Questionnaire, result: Result) -> None:
        """Place the organisation on the chart of the questionnaire's places."""
        self.care, self.with_ = result.care, result.with_
        self.cells = grid(questionnaire)
        self.current = result.quadrant.id if result.quadrant else None
        self.who = _("You") if result.views is None else _("The group")
        side = result.views.lived_experience.result if result.views is not None else None
        self.lived = (side.care, side.with_) if side and side.care is not None and side.with_ is not None else None
        if result.quadrant is None:
            text = _("Not placed yet: care and with both need a score.")
        else:
            text = _("{who}: care {score_text}, with {score_text2}: {place_title}.").format(
                who=self.who,
                score_text=score_text(result.care),
                score_text2=score_text(result.with_),
                place_title=place_title(result),
            )
            if self.lived is not None:
                text += _(" With lived experience: care {score_text}, with {score_text2}.").format(
                    score_text=score_text(self.lived[0]), score_text2=score_text(self.lived[1])
                )
        self.words = text
        self.setAccessibleName(f"{_(QUADRANT_CHART)}. {text}")  # all in the name, as the domain chart's
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return min(width, self.fontMetrics().lineSpacing() * 26)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        side = self.fontMetrics().lineSpacing() * 22
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        side = self.fontMetrics().lineSpacing() * 14
        return QSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        side = min(self.width() - line * 2 - 8, self.height() - line * 2 - 8)
        if side < line * 6:
            return
        plot = QRectF(line * 2 + 4, 4, side, side)
        for c0, c1, w0, w1, pid, title in self.cells:
            cell = QRectF(
                plot.left() + side * c0 / 100,
                plot.bottom() - side * w1 / 100,
                side * (c1 - c0) / 100,
                side * (w1 - w0) / 100,
            )
            here = pid == self.current
            if here:
                hatch = QColor(highlight)
                hatch.setAlpha(110)
                painter.fillRect(cell, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.setFont(scaled_font(self.font(), 0.85, bold=here))
            painter.setPen(text)
            painter.drawText(
                cell.adjusted(4, 3, -4, -3),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                (_("{place} (you are here)") if self.who == _("You") else _("{place} (the result)")).format(place=title)
                if here
                else title,
            )
            painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
        painter.setPen(QPen(text, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)
        # Axes, named in words.
        painter.setFont(self.font())
        painter.setPen(text)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 2, side, line + 4),
            Qt.AlignmentFlag.AlignHCenter,
            _("Care: support given \u2192"),
        )
        painter.drawText(
            QRectF(plot.left() - 2, plot.bottom() + 2, line * 2, line + 4), Qt.AlignmentFlag.AlignLeft, "0"
        )
        painter.drawText(
            QRectF(plot.right() - line * 2, plot.bottom() + 2, line * 2, line + 4), Qt.AlignmentFlag.AlignRight, "100"
        )
        painter.save()
        painter.translate(plot.left() - line - 4, plot.bottom())
        painter.rotate(-90)
        painter.drawText(
            QRectF(0, -line, side, line + 4), Qt.AlignmentFlag.AlignHCenter, _("With: working with people \u2192")
        )
        painter.restore()
        if self.care is None or self.with_ is None:
            painter.drawText(
                plot.adjusted(line, line * 3, -line, -line * 3),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                _("Not placed yet: care and with both need a score."),
            )
            return
        if self.lived is not None:  # a hollow square, so it is told apart by shape, not colour
            mark = QPointF(plot.left() + side * self.lived[0] / 100, plot.bottom() - side * self.lived[1] / 100)
            size = max(6.0, line * 0.45)
            painter.setPen(QPen(text, 2))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRect(QRectF(mark.x() - size, mark.y() - size, size * 2, size * 2))
            self._label(
                painter,
                plot,
                mark,
                size,
                _("With lived experience: care {score_text}, with {score_text2}").format(
                    score_text=score_text(self.lived[0]), score_text2=score_text(self.lived[1])
                ),
            )
        point = QPointF(plot.left() + side * self.care / 100, plot.bottom() - side * self.with_ / 100)
        radius = max(6.0, line * 0.45)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 4))
        painter.drawEllipse(point, radius, radius)
        painter.setPen(QPen(text, 2))
        painter.setBrush(highlight)
        painter.drawEllipse(point, radius, radius)
        painter.drawLine(point - QPointF(radius * 1.8, 0), point + QPointF(radius * 1.8, 0))
        painter.drawLine(point - QPointF(0, radius * 1.8), point + QPointF(0, radius * 1.8))
        self._label(
            painter,
            plot,
            point,
            radius,
            _("{who}: care {score_text}, with {score_text2}").format(
                who=self.who, score_text=score_text(self.care), score_text2=score_text(self.with_)
            ),
        )

    def _label(self, painter: QPainter, plot: QRectF, point: QPointF, radius: float, label: str) -> None:
        palette, metrics = self.palette(), self.fontMetrics()
        text, line = palette.color(QPalette.ColorRole.WindowText), metrics.lineSpacing()
        painter.setFont(self.font())
        width = metrics.horizontalAdvance(label) + 8
        x = point.x() + radius * 2
        if x + width > plot.right():
            x = max(plot.left() + 2, point.x() - radius * 2 - width)
        # Away from the places' names, which sit at the top of each cell: below the point,
        # unless that would run off the bottom of the chart.
        below = point.y() + radius * 2 + line < plot.bottom()
        y = point.y() + radius * 2 + metrics.ascent() if below else point.y() - radius * 2
        y = min(max(y, plot.top() + metrics.ascent() + 2), plot.bottom() - 4)
        back = QRectF(x - 2, y - metrics.ascent() - 2, width, line + 2)
        painter.fillRect(back, palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(text, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(back)
        painter.drawText(QPointF(x + 2, y), label)
