"""The bundle's executable starts here (PyInstaller freezes this script)."""

from coprod_check.launch import bundle_main

raise SystemExit(bundle_main())
