"""Read YAML text into plain data, remembering the line of every key and item.

PyYAML's safe loader is used for scanning, parsing and scalar types; the tree
is built here, iteratively, so that we can report line numbers, refuse
duplicate keys (which `safe_load` silently lets the last one win), refuse
aliases (the "billion laughs" expansion) and refuse absurd nesting without
ever recursing.
"""

from __future__ import annotations

import gc
from typing import Any

import yaml

from coprod_check.domain.errors import Problem, QuestionnaireError
from coprod_check.domain.textcheck import savable
from coprod_check.i18n import _

Path = tuple[str | int, ...]

MAX_BYTES = 5_000_000
MAX_DEPTH = 40
#: The longest number read. Python refuses to convert numbers over 4,300 digits, and
#: nothing in a questionnaire (weights, stage boundaries) needs more than a few.
MAX_DIGITS = 30

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, source: str) -> tuple[Any, dict[Path, int]]:
    """Parse `text`; return the data and a map from path to 1-based line.

    Raises QuestionnaireError with a clear message for anything that is not
    plain, reasonably sized YAML.
    """
    if len(text) > MAX_BYTES:
        raise QuestionnaireError(
            [
                Problem(
                    source,
                    None,
                    _("the file is too large ({count:,} characters; the limit is {MAX_BYTES:,})").format(
                        count=len(text), MAX_BYTES=MAX_BYTES
                    ),
                )
            ]
        )
    lines: dict[Path, int] = {(): 1}
    loader = _Loader(text)
    # The tree is built from thousands of small containers that live on; pausing
    # the cyclic collector keeps the cost linear in the size of the file.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(loader, source, lines), lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or _("is not valid YAML")
        if "nesting" in reason:
            # Newer libyaml stops deep nesting itself, before we see the events:
            # say it in our words, as the pure-Python parser's path does.
            raise QuestionnaireError(
                [Problem(source, line, _("nested more than {MAX_DEPTH} levels deep").format(MAX_DEPTH=MAX_DEPTH))]
            ) from None
        raise QuestionnaireError([Problem(source, line, _("not valid YAML: {reason}").format(reason=reason))]) from None
    except yaml.YAMLError as exc:
        raise QuestionnaireError([Problem(source, None, _("not valid YAML: {exc}").format(exc=exc))]) from None
    except (ValueError, OverflowError) as exc:  # a scalar PyYAML could not convert
        raise QuestionnaireError(
            [Problem(source, None, _("not valid YAML: a value cannot be read ({exc})").format(exc=exc))]
        ) from None
    finally:
        loader.dispose()
        if collecting:
            gc.enable()


class _Frame:
    __slots__ = ("container", "path", "key", "key_line", "seen")

    def __init__(self, container: dict[str, Any] | list[Any], path: Path):
        self.container = container
        self.path = path
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.seen: set[Any] = set()


_NO_KEY = object()


def _build(loader: yaml.SafeLoader, source: str, lines: dict[Path, int]) -> Any:
    stack: list[_Frame] = []
    root: Any = None
    documents = 0

    def place(value: Any, line: int) -> Path | None:
        """Put a finished value into the innermost container; return its path."""
        nonlocal root
        if not stack:
            root = value
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            lines[path] = line
            return path
        if frame.key is _NO_KEY:  # this value is a key
            if isinstance(value, (dict, list)):
                raise QuestionnaireError([Problem(source, line, _("a key cannot be a list or a mapping"))])
            key = value if isinstance(value, str) else str(value)
            if key in frame.seen:
                raise QuestionnaireError(
                    [
                        Problem(
                            source,
                            line,
                            _("{dotted}: the key {key!r} appears twice").format(
                                dotted=dotted((*frame.path, key)), key=key
                            ),
                        )
                    ]
                )
            frame.seen.add(key)
            frame.key, frame.key_line = key, line
            return None
        path = (*frame.path, frame.key)
        frame.container[frame.key] = value
        lines[path] = frame.key_line
        frame.key = _NO_KEY
        return path

    while True:
        event = loader.get_event()
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.StreamEndEvent):
            break
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise QuestionnaireError([Problem(source, line, _("the file holds more than one YAML document"))])
        elif isinstance(event, yaml.AliasEvent):
            raise QuestionnaireError(
                [Problem(source, line, _("anchors and aliases (*name) are not supported: write the text out"))]
            )
        elif isinstance(event, yaml.ScalarEvent):
            value = _scalar(loader, event, source, line)
            if isinstance(value, str) and not savable(value):
                raise QuestionnaireError(
                    [
                        Problem(
                            source,
                            line,
                            _(
                                "holds a character that cannot be stored as "
                                "text (a lone surrogate such as \\ud800, half of a pair)"
                            ),
                        )
                    ]
                )
            place(value, line)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                raise QuestionnaireError(
                    [Problem(source, line, _("not valid YAML: the tag {tag} is not supported").format(tag=event.tag))]
                )
            if len(stack) >= MAX_DEPTH:
                raise QuestionnaireError(
                    [Problem(source, line, _("nested more than {MAX_DEPTH} levels deep").format(MAX_DEPTH=MAX_DEPTH))]
                )
            container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = place(container, line)
            if path is None:
                raise QuestionnaireError([Problem(source, line, _("a key cannot be a list or a mapping"))])
            stack.append(_Frame(container, path))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
    return root


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"


def _scalar(loader: yaml.SafeLoader, event: yaml.ScalarEvent, source: str, line: int) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        if event.style:  # quoted or block scalars are always text
            return event.value
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _STR:  # most of a questionnaire: skip building a node for it
        return event.value
    if tag == _INT and len(event.value) > MAX_DIGITS:
        raise QuestionnaireError(
            [
                Problem(
                    source,
                    line,
                    _(
                        "a number {count:,} characters long; "
                        "numbers in a questionnaire have at most {MAX_DIGITS} digits"
                    ).format(count=len(event.value), MAX_DIGITS=MAX_DIGITS),
                )
            ]
        )
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
    return loader.construct_object(node)


def dotted(path: Path) -> str:
    """A path as people read it: `domains[2].questions[0].prompt`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or _("(top level)")
