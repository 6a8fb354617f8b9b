"""The bands and places a questionnaire gets when its file declares none.

Partnership counts only from the level at which people share decisions (75 on
a five-level scale: "Sharing"); asking people's views is consultation, a place
of its own and never a kind of partnership. A questionnaire can declare its own
bands and places (docs/questionnaire-format.md); these are the defaults.
"""

from __future__ import annotations

from coprod_check.domain.questionnaire import Band, Place
from coprod_check.i18n import _

DEFAULT_BANDS: dict[str, tuple[Band, ...]] = {
    "care": (
        Band(
            "little-support", _("Little support"), 0.0, _("Support is missing, slow, or on the organisation's terms.")
        ),
        Band(
            "support-in-place",
            _("Support in place"),
            50.0,
            _("Support is in place and mostly works for the people it is for."),
        ),
    ),
    "with": (
        Band("deciding-for", _("Deciding for people"), 0.0, _("Decisions are made for people, or without them.")),
        Band(
            "consulting", _("Consulting"), 50.0, _("People are asked for their views, but others make the decisions.")
        ),
        Band(
            "sharing-decisions",
            _("Sharing decisions"),
            75.0,
            _("People with lived experience share the decisions, not only give views."),
        ),
    ),
}

DEFAULT_PLACES: tuple[Place, ...] = (
    Place(
        "excluding",
        _("Excluding"),
        _(
            "People with lived experience are neither well supported nor part of decisions. Start by "
            "making it safe to take part, and by listening."
        ),
        "little-support",
        "deciding-for",
    ),
    Place(
        "caring-for",
        _("Caring for"),
        _(
            "Support is in place, but decisions are made for people, not with them. This is where "
            "co-production usually fails: care is not partnership."
        ),
        "support-in-place",
        "deciding-for",
    ),
    Place(
        "consulting",
        _("Consulting, with little support"),
        _(
            "People are asked for their views, but others decide, and the support to take part is "
            "thin. Consultation is not partnership: the next step is to share decisions, with the "
            "support to do it."
        ),
        "little-support",
        "consulting",
    ),
    Place(
        "caring-and-consulting",
        _("Caring for and consulting"),
        _(
            "Support is in place and people are asked for their views, but others still decide. "
            "Consultation is not partnership: the next step is to share decisions from the start."
        ),
        "support-in-place",
        "consulting",
    ),
    Place(
        "involving-without-support",
        _("Partnership without support"),
        _(
            "People with lived experience share decisions, but without enough support, pay or rest. "
            "That wears people out and cannot last: add the support, keep the partnership."
        ),
        "little-support",
        "sharing-decisions",
    ),
    Place(
        "working-with",
        _("Supported partnership"),
        _(
            "People with lived experience share decisions and are supported to do it. Keep it going: "
            "review it together, and rest."
        ),
        "support-in-place",
        "sharing-decisions",
    ),
)
