"""The child side of Scriptorium's sandbox protocol (docs/sandbox-protocol.md): JSON-lines events on stdout,
a cancel request on stdin (or SIGTERM), exit codes as the Java child's (ChildMain)."""

import json
import math
import os
import re
import signal
import sys
import threading
import time
import traceback

PROTOCOL = 1

# exit codes of ChildMain
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INVALID_CONFIG = 2
EXIT_OOM = 3
EXIT_CANCELLED = 130

ARTIFACT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}\Z")
RESERVED = frozenset(["config.json", "env.json", "summary.json", "metrics.jsonl", "metrics.csv", "stderr.log"])


class Cancelled(Exception):
    """Raised by Run.check_cancel() once the parent asked the run to stop."""


class InvalidConfig(Exception):
    """Raise it (or let Run raise it) when the configuration cannot be used: the run ends with kind invalid-config."""


def _finite(value):
    """Numbers that are not finite become None (JSON null), as the Java child writes them."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy / torch scalars
        try:
            return _finite(value.item())
        except (TypeError, ValueError):
            return value
    return value


def encode(event):
    """One event as its compact JSON line (without the newline)."""
    return json.dumps(_finite(event), separators=(",", ":"), ensure_ascii=False, allow_nan=False)


class EventWriter:
    """Writes events as JSON lines to a binary stream, flushed after each line; thread-safe."""

    def __init__(self, stream):
        self._stream = stream
        self._lock = threading.Lock()

    def write(self, event):
        line = (encode(event) + "\n").encode("utf-8")
        with self._lock:
            self._stream.write(line)
            self._stream.flush()


class Run:
    """One run of an external experiment.

    Use it as a context manager::

        with Run() as run:
            for step in range(1, total + 1):
                run.check_cancel()
                ...
                run.progress(step, total)
                run.metric("train.ce", step, loss)
            run.result({"test.accuracy": acc})

    On entering it reads the resolved configuration (the last command-line argument, else $SCRIPTORIUM_CONFIG),
    sends ``started``, moves ``sys.stdout`` to stderr (stray prints cannot corrupt the event stream) and starts
    watching for a cancel request: a line ``cancel`` on stdin, SIGTERM, and the end of stdin when
    $SCRIPTORIUM_CANCEL_ON_EOF is 1 (the local runner sets it; a Slurm task's stdin is empty). On leaving, a
    :class:`Cancelled` becomes an ``error`` event of kind ``cancelled`` and exit code 130, a :class:`InvalidConfig`
    kind ``invalid-config`` and 2, a :class:`MemoryError` kind ``oom`` and 3, any other exception kind
    ``exception`` (its traceback on stderr) and 1.
    """

    def __init__(self, config_path=None, run_id=None, stdout=None, stdin=None, watch_signals=True, exit=True):
        self._config_path = config_path
        self.run_id = run_id or os.environ.get("SCRIPTORIUM_RUN_ID", "run")
        self.run_dir = os.environ.get("SCRIPTORIUM_RUN_DIR", os.getcwd())
        self._out_stream = stdout
        self._stdin = stdin
        self._watch_signals = watch_signals
        self._exit = exit
        self._cancel = threading.Event()
        self._events = None
        self._saved_stdout = None
        self.config = None
        self.seed = None
        self.result_sent = False
        self.exit_code = None

    # ---- setup

    def __enter__(self):
        if self._out_stream is None:
            self._out_stream = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
        self._events = EventWriter(self._out_stream)
        self._saved_stdout = sys.stdout
        if self._saved_stdout is sys.__stdout__:
            sys.stdout = sys.stderr
        self._watch_cancel()
        try:
            self.config = self._read_config()
            seeds = self.config.get("seeds") or [1]
            self.seed = int(seeds[0])
        except InvalidConfig as e:
            self.error("invalid-config", str(e))
            self._finish(EXIT_INVALID_CONFIG)
            return self
        self._events.write({"event": "started", "protocol": PROTOCOL, "runId": self.run_id, "seed": self.seed,
                            "pid": os.getpid(), "time": int(time.time() * 1000)})
        return self

    def _read_config(self):
        path = self._config_path
        if path is None:
            path = sys.argv[-1] if len(sys.argv) > 1 else os.environ.get("SCRIPTORIUM_CONFIG")
        if not path:
            raise InvalidConfig("no configuration: pass CONFIG as the last argument or set SCRIPTORIUM_CONFIG")
        try:
            with open(path, encoding="utf-8") as f:
                config = json.load(f)
        except (OSError, ValueError) as e:
            raise InvalidConfig("cannot read %s: %s" % (path, e))
        if not isinstance(config, dict):
            raise InvalidConfig("%s: the top level must be a JSON object" % path)
        return config

    def _watch_cancel(self):
        on_eof = os.environ.get("SCRIPTORIUM_CANCEL_ON_EOF") == "1"
        stdin = self._stdin if self._stdin is not None else sys.stdin

        def watch():
            try:
                for line in stdin:
                    if line.strip() == "cancel":
                        self._cancel.set()
                        return
            except (OSError, ValueError):
                pass
            if on_eof:
                self._cancel.set()

        if stdin is not None:
            threading.Thread(target=watch, name="scriptorium-cancel-watcher", daemon=True).start()
        if self._watch_signals and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, lambda signum, frame: self._cancel.set())

    def __exit__(self, kind, value, tb):
        if self.exit_code is not None:
            return False
        if kind is None:
            self._finish(EXIT_OK)
            return False
        if issubclass(kind, Cancelled):
            self.error("cancelled", str(value) or "cancelled")
            code = EXIT_CANCELLED
        elif issubclass(kind, InvalidConfig):
            self.error("invalid-config", str(value))
            code = EXIT_INVALID_CONFIG
        elif issubclass(kind, MemoryError):
            self.error("oom", "out of memory: %s" % (value or "MemoryError"))
            code = EXIT_OOM
        elif issubclass(kind, (KeyboardInterrupt, SystemExit)):
            return False
        else:
            traceback.print_exception(kind, value, tb, file=sys.stderr)
            self.error("exception", "%s: %s" % (kind.__name__, value))
            code = EXIT_ERROR
        self._finish(code)
        return True

    def _finish(self, code):
        self.exit_code = code
        if self._saved_stdout is not None:
            sys.stdout = self._saved_stdout
        if self._exit:
            sys.stderr.flush()
            sys.exit(code)

    # ---- events

    @property
    def cancelled(self):
        """True once the parent asked the run to stop."""
        return self._cancel.is_set()

    def cancel(self):
        """Marks the run as cancelled (as a cancel request from the parent would)."""
        self._cancel.set()

    def check_cancel(self, where=None):
        """Raises :class:`Cancelled` if the parent asked the run to stop; call it before every micro-batch."""
        if self._cancel.is_set():
            raise Cancelled("cancelled" + (" at " + where if where else ""))

    def progress(self, step, total):
        self._events.write({"event": "progress", "step": int(step), "total": int(total)})

    def metric(self, name, step, value):
        self._events.write({"event": "metric", "name": str(name), "step": int(step), "value": float(value)})

    def metrics(self, values, step):
        """One metric event per entry of ``values`` (name -> number)."""
        for name, value in values.items():
            self.metric(name, step, value)

    def log(self, message, level="info"):
        self._events.write({"event": "log", "level": level, "message": str(message)})

    def artifact(self, name, content, media_type="text/csv"):
        """A text file for the run directory; ``name`` must be a plain file name that no run file uses."""
        if not ARTIFACT_NAME.match(name) or name in RESERVED:
            raise ValueError("not an artifact name: %r (letters, digits, '.', '_', '-'; not %s)"
                             % (name, ", ".join(sorted(RESERVED))))
        self._events.write({"event": "artifact", "name": name, "mediaType": media_type, "content": content})

    def result(self, metrics):
        """The final metrics (name -> number). The run succeeds only if this arrives and the process exits with 0."""
        self._events.write({"event": "result", "metrics": {str(k): float(v) for k, v in metrics.items()}})
        self.result_sent = True

    def error(self, kind, message):
        self._events.write({"event": "error", "kind": kind, "message": str(message)})
