"""What every benchmark group shares: a median timer and the verdict against a target."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of `repeat` calls, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def verdict(ratio: float, target: float) -> str:
    """'within target 1.5x' or 'OVER target 1.5x'."""
    return f"{'within' if ratio <= target else 'OVER'} target {target}x"
