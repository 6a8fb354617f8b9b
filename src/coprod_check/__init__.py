"""coprod-check: does an organisation give care to people with lived experience, or work with them?"""

__version__ = "0.1.0"
