"""What the window notices about the people taking part, without deciding for them."""

from __future__ import annotations

from coprod_check.domain.questionnaire import Perspective


def role_speaks_of_lived_experience(perspective: Perspective) -> bool:
    """Whether a role is one taken because of lived experience ("Colleague with lived experience").

    Read from the role's id or label, as questionnaires name such roles; a person in one who
    said "No" to lived experience is pointed out, never corrected (only they know which is right).
    """
    words = f"{perspective.id.replace('-', ' ')} {perspective.label}".lower()
    return "lived experience" in words
