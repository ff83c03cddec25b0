"""Scriptorium's sandbox protocol for Python training scripts (docs/sandbox-protocol.md).

    from scriptorium_sandbox import Run
    with Run() as run:
        ...
        run.metric("train.ce", step, loss)
        run.result({"test.accuracy": acc})
"""

from .protocol import (PROTOCOL, Cancelled, InvalidConfig, Run, encode, EXIT_OK, EXIT_ERROR, EXIT_INVALID_CONFIG,
                       EXIT_OOM, EXIT_CANCELLED)
from .routing_stats import RoutingStats
from .data import load_synth_domains

__all__ = ["PROTOCOL", "Cancelled", "InvalidConfig", "Run", "encode", "RoutingStats", "load_synth_domains",
           "EXIT_OK", "EXIT_ERROR", "EXIT_INVALID_CONFIG", "EXIT_OOM", "EXIT_CANCELLED"]
__version__ = "0.1.0"
