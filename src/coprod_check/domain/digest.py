"""SHA-256 for the command line's hot path, without loading OpenSSL.

`hashlib` loads OpenSSL's libcrypto on import, about 2.5 ms: a twentieth of
`coprod-check score` from start to finish. CPython's own SHA-256 module gives
the same digests at a tenth of the start-up cost. Any interpreter without it
falls back to hashlib.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the same interface as hashlib's, which is what mypy knows
    from hashlib import sha256
else:
    try:
        from _sha256 import sha256  # CPython 3.11
    except ImportError:  # pragma: no cover - depends on the interpreter
        try:
            from _sha2 import sha256  # CPython 3.12 and later
        except ImportError:
            from hashlib import sha256

__all__ = ["sha256"]
