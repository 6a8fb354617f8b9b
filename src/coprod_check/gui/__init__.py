"""The desktop window. Qt lives here and nowhere else in coprod-check.

Widgets talk to the domain only through `session.Session`, a small layer
without Qt that tests can drive directly. Nothing here creates a Qt object
when it is imported.
"""
