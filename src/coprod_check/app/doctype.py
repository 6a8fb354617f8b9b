"""coprod-check's own document type: `.coprod` files, JSON inside.

New assessments are offered as `.coprod`, so a desktop can open them with this app
(and not with whatever opens JSON); files saved as `.json` keep opening. The app is
never associated with `*.json`. No Qt here: packaging and the tests read this too.
"""

from __future__ import annotations

from coprod_check.i18n import _

EXTENSION = ".coprod"
#: An unregistered type, so x- (the freedesktop.org convention); it is JSON underneath.
MIME_TYPE = "application/x-coprod-assessment"
DESCRIPTION = _("coprod-check assessment")
#: What the Open dialogs show first: new files, then files saved before .coprod existed.
ACCEPTED = (EXTENSION, ".json")
FILE_FILTER = _("Assessments ({items});;All files (*)").format(items=" ".join("*" + s for s in ACCEPTED))
