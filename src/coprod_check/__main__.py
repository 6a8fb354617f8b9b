from coprod_check.cli import main

raise SystemExit(main())
