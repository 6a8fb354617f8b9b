"""Files other programs make and read: response workbooks for Excel or LibreOffice, the questions
for building a Microsoft Form, and that Form's Excel export read back as response files.

Above the printed plan and below the window (pyproject.toml's layers): it writes through
`report.ooxml` (byte-for-byte repeatable files), reads through `domain.reading` (ordinary files
of a bounded size), and turns what it reads into the same `Assessment` records a JSON response
holds, so that combining, the views of a group and small-number suppression are the domain's own.
openpyxl is imported only inside these modules' functions: nothing here is on the command line's
start-up path.
"""
