"""The autouse fixture in conftest.py keeps every test away from the real home, config, data and cache."""

from __future__ import annotations

from coprod_check.app import paths


def test_every_folder_the_app_finds_is_inside_the_tests_own_folder(tmp_path):
    for folder in (paths.user_data_dir(), paths.user_cache_dir(), paths.user_local_dir()):
        assert folder.is_relative_to(tmp_path), folder


def test_the_parse_cache_is_written_inside_the_tests_own_folder(tmp_path):
    from coprod_check.app import resources
    from coprod_check.app.qcache import load_questionnaire

    load_questionnaire(resources.builtin_questionnaires()[0])
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(p.is_relative_to(tmp_path / "cache") for p in written)
