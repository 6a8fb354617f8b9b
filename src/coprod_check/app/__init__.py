"""The application layer: what the window and the command line both do, with no Qt and no reportlab.

Reading and saving assessment files (one reader, one load-with-questionnaire, saving with
conflict detection), the questionnaire catalogue and its cache, where files live (paths,
packaged resources, restore copies, recent files, versions) and the Session that the window
drives. It knows the domain; the window (gui/), the printed plan (report/) and the command
line (cli/) know it. See docs/architecture.md.
"""
