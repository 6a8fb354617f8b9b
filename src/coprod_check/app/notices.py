"""Licences: coprod-check's own, and a notice for everything that ships with it.

The About dialog shows these, and the bundle (packaging/) copies every
installed distribution's metadata, so each licence file it names travels with
the app. No Qt here: the spec file and the tests read this module too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

from coprod_check.app import resources
from coprod_check.i18n import _

PROJECT = "coprod-check"


@dataclass(frozen=True)
class Notice:
    """One piece of other people's work that ships with coprod-check."""

    name: str  # as the distribution is named on PyPI, or a plain name for what is not a distribution
    what: str
    licence: str
    source: str
    #: Licence texts shipped in assets/licences, for what the distribution's own metadata lacks.
    texts: tuple[str, ...] = ()
    #: Installed only with an extra: named only where it is installed.
    optional: bool = False


NOTICES = (
    Notice(
        "PySide6-Essentials",
        _("the window (Qt for Python, with the Qt 6 libraries it brings)"),
        _("LGPL-3.0-only (chosen from LGPL-3.0-only, GPL-2.0-only or GPL-3.0-only)"),
        _("https://code.qt.io/cgit/pyside/pyside-setup.git/ and https://code.qt.io/"),
        ("LGPL-3.0.txt", "GPL-3.0.txt"),
    ),
    Notice(
        "shiboken6",
        _("the bindings' runtime, part of Qt for Python"),
        _("LGPL-3.0-only (chosen from LGPL-3.0-only, GPL-2.0-only or GPL-3.0-only)"),
        "https://code.qt.io/cgit/pyside/pyside-setup.git/",
        ("LGPL-3.0.txt", "GPL-3.0.txt"),
    ),
    Notice("reportlab", _("the PDF action plan"), "BSD-3-Clause", "https://www.reportlab.com/"),
    Notice(
        "rl_accel",
        _("reportlab's C accelerator (the 'accel' extra)"),
        "BSD-3-Clause",
        "https://pypi.org/project/rl-accel/",
        optional=True,
    ),
    Notice(
        "pillow",
        _("images, which reportlab loads as it starts"),
        _("MIT-CMU (the HPND licence)"),
        "https://python-pillow.github.io/",
    ),
    Notice(
        "charset-normalizer",
        _("text encodings, used by reportlab"),
        "MIT",
        "https://github.com/jawah/charset_normalizer",
    ),
    Notice("PyYAML", _("reading questionnaires"), "MIT", "https://pyyaml.org/"),
    Notice(
        "python-bidi",
        _("right-to-left text in the printed plan"),
        "LGPL-3.0-or-later",
        "https://github.com/MeirKriheli/python-bidi",
    ),
    Notice(
        "arabic-reshaper",
        _("joined Arabic letters in the printed plan"),
        "MIT",
        "https://github.com/mpcabd/python-arabic-reshaper",
    ),
    Notice(
        "Babel",
        _("dates and numbers in each language, and the catalogue of translated sentences (with the Unicode CLDR data)"),
        _("BSD-3-Clause (its CLDR data: Unicode-3.0)"),
        "https://babel.pocoo.org/",
    ),
    Notice(
        "python-docx",
        _("the Word version of the plan"),
        "MIT",
        "https://github.com/python-openxml/python-docx",
    ),
    Notice(
        "openpyxl", _("the actions spreadsheet and the response workbooks"), "MIT", "https://openpyxl.readthedocs.io/"
    ),
    Notice(
        "et-xmlfile",
        _("writing large spreadsheets, used by openpyxl"),
        "MIT",
        "https://foss.heptapod.net/openpyxl/et_xmlfile",
        # Its metadata names LICENCE.python and AUTHORS.txt, but not LICENCE.rst, its own MIT text.
        ("et-xmlfile-LICENCE.rst",),
    ),
    Notice("lxml", _("the XML inside Word and spreadsheet files"), "BSD-3-Clause", "https://lxml.de/"),
    Notice(
        "typing-extensions",
        _("newer typing features, used by python-docx"),
        "PSF-2.0",
        "https://github.com/python/typing_extensions",
    ),
    Notice(
        "pyphen",
        _("hyphenation in the printed plan (with the Hunspell hyphenation dictionaries it ships)"),
        _("LGPL-2.1-or-later (chosen from GPL-2.0-or-later, LGPL-2.1-or-later or MPL-1.1)"),
        "https://github.com/Kozea/Pyphen",
    ),
    Notice(
        _("DejaVu fonts"),
        _("the typeface of the printed plan (embedded in each PDF)"),
        _("Bitstream Vera and Arev fonts licences (free to embed and redistribute)"),
        "https://dejavu-fonts.github.io/",
        ("../fonts/LICENSE-DejaVu.txt",),
    ),
    Notice(
        "Python",
        _("the language the app is written in; the bundle includes its interpreter"),
        _("PSF-2.0 (Python Software Foundation License)"),
        "https://www.python.org/",
        ("Python-PSF-LICENSE.txt",),
    ),
)

# Requirement names as the metadata spells them, compared case- and punctuation-blind.
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def canonical(name: str) -> str:
    """A distribution name compared as pip compares them ("python_bidi" is "python-bidi")."""
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_distributions(root: str = PROJECT) -> list[str]:
    """Every distribution that installing `root` brings, here, on this platform (extras left out)."""
    from packaging.markers import Marker

    seen: dict[str, str] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement whose marker ruled it out here, or not installed
        key = canonical(dist.metadata["Name"])
        if key in seen:
            continue
        seen[key] = dist.metadata["Name"]
        for requirement in dist.requires or []:
            text, _sep, marker = requirement.partition(";")
            if marker.strip() and not Marker(marker).evaluate({"extra": ""}):
                continue
            match = _REQUIREMENT_NAME.match(text)
            if match:
                todo.append(match.group(1))
    return sorted(seen.values(), key=str.lower)


def shipped() -> list[Notice]:
    """The notices for what is here: every one, less optional ones that are not installed."""
    return [n for n in NOTICES if not n.optional or version_of(n.name)]


def version_of(name: str) -> str | None:
    """The installed version of a distribution, or None if its metadata is not here."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def licence_texts(notice: Notice) -> list[tuple[str, str]]:
    """Each licence text for `notice`, as (title, text): the distribution's own files, then ours."""
    found: list[tuple[str, str]] = []
    try:
        dist = metadata.distribution(notice.name)
    except metadata.PackageNotFoundError:
        dist = None
    if dist is not None:
        for name in dist.metadata.get_all("License-File") or []:
            # Newer metadata keeps licence files under licenses/, older beside METADATA.
            text = dist.read_text(f"licenses/{name}") or dist.read_text(name)
            if text:
                found.append((f"{notice.name}: {name}", text))
    for name in notice.texts:
        path = resources.data_dir("assets") / "licences" / name
        found.append((f"{notice.name}: {path.name}", path.read_text(encoding="utf-8")))
    return found


def own_licence() -> str:
    """coprod-check's own licence text, from its installed metadata (the wheel's LICENSE)."""
    for _title, text in licence_texts(Notice(PROJECT, "", "MIT", "")):
        return text
    return _("MIT License. (The licence file is missing from this installation.)")


def third_party() -> str:
    """One paragraph per notice: what it is, its version where installed, its licence and source."""
    lines = [
        _(
            "coprod-check includes the following software, each under its own licence. Qt's libraries "
            "are separate files in the app's folder, so you may replace them with versions of your own."
        )
    ]
    for notice in shipped():
        version = version_of(notice.name)
        named = f"{notice.name} {version}" if version else notice.name
        lines += ["", f"{named}: {notice.what}.", f"Licence: {notice.licence}.", f"Source: {notice.source}"]
    return "\n".join(lines)


def summary() -> str:
    """coprod-check's version and licence, then the third-party notices."""
    from coprod_check import __version__

    return _("coprod-check {version}\n\n{strip}\n\n{third_party}").format(
        version=__version__, strip=own_licence().strip(), third_party=third_party()
    )
