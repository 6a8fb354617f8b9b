"""The domain: questionnaires, assessments, scoring and the action plan.

Pure Python. Nothing here imports Qt or reportlab, so the command line stays
fast and every rule can be tested without a window.
"""
