"""Text that can be saved: the one check every string passes where it enters.

JSON allows "\ud800" (half of a surrogate pair) and so do YAML and Qt, but such text
can never be written as UTF-8. It is refused when read from a file, and replaced with
U+FFFD when typed or pasted, so it is never held in memory where a save would fail.
"""

from __future__ import annotations


def savable(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (it holds no lone surrogate)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def savable_text(text: str) -> str:
    """`text` with any lone surrogate replaced by U+FFFD, the replacement character.

    For text typed or pasted into the window: Qt can hand over half of a surrogate pair,
    which could never be saved. Ordinary text is returned unchanged.
    """
    if savable(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
