"""The child side of the protocol: events as the Java child writes them, cancel, exit codes."""

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from scriptorium_sandbox import Run, Cancelled, encode  # noqa: E402
from scriptorium_sandbox.protocol import EXIT_CANCELLED  # noqa: E402


def child(tmp_path, body, stdin=subprocess.PIPE, env=None):
    """Starts a script using the package on a config file; returns the process."""
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"name": "t", "seeds": [7]}))
    script = tmp_path / "child.py"
    script.write_text("from scriptorium_sandbox import Run, Cancelled\nimport sys, time\n" + textwrap.dedent(body))
    e = dict(os.environ, PYTHONPATH=ROOT, SCRIPTORIUM_RUN_ID="p0001-s7")
    e.update(env or {})
    return subprocess.Popen([sys.executable, str(script), str(config)], stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=e, cwd=str(tmp_path))


def events(stdout):
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def test_events_are_the_java_childs(tmp_path):
    p = child(tmp_path, """
        with Run() as run:
            print("a stray print")
            run.progress(1, 2)
            run.metric("train.ce", 1, 0.5)
            run.metric("train.nan", 1, float("nan"))
            run.log("hello")
            run.artifact("table.csv", "a,b\\n1,2\\n")
            run.result({"test.accuracy": 0.75, "test.inf": float("inf")})
    """)
    out, err = p.communicate(timeout=30)
    assert p.returncode == 0, err
    ev = events(out)  # every stdout line is an event: the stray print went to stderr
    assert [e["event"] for e in ev] == ["started", "progress", "metric", "metric", "log", "artifact", "result"]
    started = ev[0]
    assert started["protocol"] == 1 and started["runId"] == "p0001-s7" and started["seed"] == 7
    assert started["pid"] == p.pid and isinstance(started["time"], int)
    assert ev[1] == {"event": "progress", "step": 1, "total": 2}
    assert ev[2] == {"event": "metric", "name": "train.ce", "step": 1, "value": 0.5}
    assert ev[3]["value"] is None  # not finite -> null, as the Java child writes it
    assert ev[4] == {"event": "log", "level": "info", "message": "hello"}
    assert ev[5] == {"event": "artifact", "name": "table.csv", "mediaType": "text/csv", "content": "a,b\n1,2\n"}
    assert ev[6] == {"event": "result", "metrics": {"test.accuracy": 0.75, "test.inf": None}}
    assert b"a stray print" in err
    assert b"\n" not in out.split(b"\n")[0]


def test_cancel_line_on_stdin_ends_with_130_and_a_cancelled_error(tmp_path):
    p = child(tmp_path, """
        with Run() as run:
            for step in range(1, 100000):
                run.check_cancel("step %d" % step)
                run.progress(step, 100000)
                time.sleep(0.01)
    """)
    p.stdout.readline()  # started
    p.stdin.write(b"cancel\n")
    p.stdin.flush()
    out, err = p.communicate(timeout=30)
    assert p.returncode == EXIT_CANCELLED, err
    last = events(out)[-1]
    assert last["event"] == "error" and last["kind"] == "cancelled" and "step" in last["message"]


def test_sigterm_cancels_too(tmp_path):
    # a Slurm task's stdin is empty and scancel sends SIGTERM
    p = child(tmp_path, """
        with Run() as run:
            while True:
                run.check_cancel()
                time.sleep(0.01)
    """, stdin=subprocess.DEVNULL)
    p.stdout.readline()
    time.sleep(0.2)
    os.kill(p.pid, signal.SIGTERM)
    out, err = p.communicate(timeout=30)
    assert p.returncode == EXIT_CANCELLED, err
    assert events(out)[-1]["kind"] == "cancelled"


def test_end_of_stdin_cancels_only_when_asked(tmp_path):
    body = """
        with Run() as run:
            for i in range(30):
                run.check_cancel()
                time.sleep(0.01)
            run.result({"x": 1})
    """
    p = child(tmp_path, body, stdin=subprocess.DEVNULL)
    p.communicate(timeout=30)
    assert p.returncode == 0
    p = child(tmp_path, body, stdin=subprocess.DEVNULL, env={"SCRIPTORIUM_CANCEL_ON_EOF": "1"})
    p.communicate(timeout=30)
    assert p.returncode == EXIT_CANCELLED


@pytest.mark.parametrize("raise_, kind, code", [
    ("raise ValueError('bad value')", "exception", 1),
    ("raise MemoryError()", "oom", 3),
    ("from scriptorium_sandbox import InvalidConfig; raise InvalidConfig('no data')", "invalid-config", 2),
])
def test_failures_become_error_events_and_exit_codes(tmp_path, raise_, kind, code):
    p = child(tmp_path, """
        with Run() as run:
            %s
    """ % raise_)
    out, err = p.communicate(timeout=30)
    assert p.returncode == code
    last = events(out)[-1]
    assert last["event"] == "error" and last["kind"] == kind


def test_unreadable_configuration_is_invalid_config(tmp_path):
    out = io.BytesIO()
    run = Run(config_path=str(tmp_path / "missing.json"), stdout=out, stdin=io.StringIO(""), watch_signals=False,
              exit=False)
    with run:
        pass
    assert run.exit_code == 2
    ev = events(out.getvalue())
    assert ev == [{"event": "error", "kind": "invalid-config", "message": ev[0]["message"]}]
    assert "missing.json" in ev[0]["message"]


def test_artifact_names_are_checked_as_the_parent_does(tmp_path):
    config = tmp_path / "c.json"
    config.write_text("{}")
    out = io.BytesIO()
    with Run(config_path=str(config), stdout=out, stdin=io.StringIO(""), watch_signals=False, exit=False) as run:
        for bad in ("summary.json", "../x.csv", "", "a/b"):
            with pytest.raises(ValueError):
                run.artifact(bad, "x")
        run.artifact("ok-1.csv", "x")
    assert events(out.getvalue())[-1]["name"] == "ok-1.csv"


def test_cancelled_run_in_process(tmp_path):
    config = tmp_path / "c.json"
    config.write_text("{\"seeds\": [3]}")
    out = io.BytesIO()
    run = Run(config_path=str(config), stdout=out, stdin=io.StringIO("cancel\n"), watch_signals=False, exit=False)
    with run:
        assert run.seed == 3
        for _ in range(200):
            if run.cancelled:
                break
            time.sleep(0.01)
        run.check_cancel("the end")
    assert run.exit_code == EXIT_CANCELLED
    assert events(out.getvalue())[-1] == {"event": "error", "kind": "cancelled", "message": "cancelled at the end"}


def test_encode_is_compact_and_never_writes_nan():
    assert encode({"event": "metric", "value": float("-inf"), "a": [1.5, float("nan")]}) == \
        '{"event":"metric","value":null,"a":[1.5,null]}'
    with pytest.raises(Cancelled):
        raise Cancelled()
