"""Third-party notices: everything that ships is named, with its licence and the licence's text."""

from __future__ import annotations

import pytest

from coprod_check.app import notices


def named() -> set[str]:
    return {notices.canonical(n.name) for n in notices.NOTICES}


def test_every_distribution_that_ships_has_a_notice():
    shipped = {notices.canonical(n) for n in notices.installed_distributions()} - {"coprod-check"}
    assert {
        "pyside6-essentials",
        "shiboken6",
        "reportlab",
        "pyyaml",
        "python-bidi",
        "arabic-reshaper",
        "pillow",
        "charset-normalizer",
    } <= shipped  # the closure really was walked
    assert shipped <= named(), f"no notice for {sorted(shipped - named())}"


def test_the_closure_leaves_out_extras_and_what_is_not_installed():
    shipped = {notices.canonical(n) for n in notices.installed_distributions()}
    assert not shipped & {"pytest", "ruff", "mypy", "pyinstaller", "hypothesis"}


@pytest.mark.parametrize("notice", notices.NOTICES, ids=lambda n: n.name)
def test_each_notice_has_its_licence_text_and_version(notice):
    texts = notices.licence_texts(notice)
    # At least one real licence text; others may be short (an AUTHORS file some licences ask for).
    assert any(len(text) > 200 for _, text in texts) and all(text.strip() for _, text in texts)
    if notice.name not in ("DejaVu fonts", "Python"):
        assert notices.version_of(notice.name)


def test_the_licences_the_issue_names_are_stated():
    by_name = {n.name: n.licence for n in notices.NOTICES}
    assert by_name["PySide6-Essentials"].startswith("LGPL-3.0")
    assert by_name["python-bidi"].startswith("LGPL")
    assert by_name["reportlab"].startswith("BSD") and by_name["PyYAML"] == "MIT"
    assert "Bitstream Vera" in by_name["DejaVu fonts"]
    qt = dict(notices.licence_texts(notices.NOTICES[0]))
    assert any("GNU LESSER GENERAL PUBLIC LICENSE" in text for text in qt.values())


def test_our_own_licence_is_the_mit_licence_of_the_project():
    text = notices.own_licence()
    assert text.startswith("MIT License") and "The coprod-check project" in text
    assert "coprod-check includes the following software" in notices.summary()


def test_an_optional_notice_is_named_only_where_it_is_installed(monkeypatch):
    real = notices.version_of
    monkeypatch.setattr(notices, "version_of", lambda name: None if name == "rl_accel" else real(name))
    assert "rl_accel" not in [n.name for n in notices.shipped()]
    assert "rl_accel" not in notices.third_party()
    assert "PySide6-Essentials" in [n.name for n in notices.shipped()]  # never optional
