"""Dates read as people type them: day, month, year; impossible or too early ones refused."""

from __future__ import annotations

import datetime as dt

import pytest

from coprod_check.app.dates import read_date

LONG = "January February March April May June July August September October November December"
MONTHS = [[name, name[:3]] for name in LONG.split()]
DAYS = ["Monday", "Mon", "Sunday", "Sun"]


@pytest.mark.parametrize(
    "text",
    [
        "31 January 2027",
        "31 Jan 2027",
        "31st January 2027",
        "31/1/2027",
        "31.01.27",
        "2027-01-31",
        " 31 january 2027 ",
        "Sunday 31 January 2027",
        "31 Janu 2027",
    ],
)
def test_the_same_day_however_it_is_typed(text):
    assert read_date(text, MONTHS, DAYS).day == dt.date(2027, 1, 31)


def test_day_first_as_in_the_uk():
    assert read_date("3/1/2027", MONTHS).day == dt.date(2027, 1, 3)


@pytest.mark.parametrize("text", ["31 February 2027", "29/2/2027", "0 March 2027", "2027-13-01"])
def test_a_date_that_does_not_exist_is_refused(text):
    found = read_date(text, MONTHS)
    assert found.day is None and "no such date" in found.problem


@pytest.mark.parametrize("text", ["soon", "31 2027", "January 31 2027", "31 Ju 2027", "31 January 27027"])
def test_what_is_not_a_date_is_refused_with_how_to_type_one(text):
    found = read_date(text, MONTHS)
    assert found.day is None and "31 January 2027" in found.problem


def test_a_date_before_the_earliest_is_refused_with_the_reason_given():
    found = read_date("1 January 2026", MONTHS, earliest=dt.date(2026, 11, 24), earliest_reason="Too early.")
    assert found.day is None and found.problem == "Too early."
    assert read_date("24 November 2026", MONTHS, earliest=dt.date(2026, 11, 24)).day == dt.date(2026, 11, 24)
