"""The SynthDomains data the sandbox writes for an external run whose experiment asks for it
(``"external": {"command": [...], "inputs": ["synth-domains"]}``): the same examples the built-in trainer trains and
tests on for that configuration and seed, in ``$SCRIPTORIUM_INPUTS/synth-domains/`` (docs/sandbox-protocol.md,
"Inputs"). Plain little-endian binary files read with the standard library: no dependency."""

import json
import os
import sys
from array import array

FORMAT = 1
FIELDS = (("x", "d"), ("label", "i"), ("domain", "i"), ("difficulty", "i"), ("token", "i"))


class Split:
    """One split: ``x`` (rows x features, row-major, float64), ``label``, ``domain``, ``difficulty`` (0 easy,
    1 medium, 2 hard) and ``token`` (int32 arrays of ``rows``); rows come in same-domain sequences of
    ``sequence_length``."""

    def __init__(self, rows, features, sequence_length, arrays):
        self.rows = rows
        self.features = features
        self.sequence_length = sequence_length
        for name, values in arrays.items():
            setattr(self, name, values)

    @property
    def sequences(self):
        return self.rows // self.sequence_length


def inputs_dir():
    d = os.environ.get("SCRIPTORIUM_INPUTS")
    if d:
        return d
    return os.path.join(os.environ.get("SCRIPTORIUM_RUN_DIR", os.getcwd()), "inputs")


def load_synth_domains(directory=None):
    """(meta, {"train": Split, "test": Split}) from ``directory`` (default ``$SCRIPTORIUM_INPUTS/synth-domains``).

    Raises ValueError with a one-line message naming the file when something is missing or does not fit."""
    directory = directory or os.path.join(inputs_dir(), "synth-domains")
    meta_file = os.path.join(directory, "meta.json")
    try:
        with open(meta_file, encoding="utf-8") as f:
            meta = json.load(f)
    except OSError as e:
        raise ValueError("%s: cannot read (%s); does the experiment say \"inputs\": [\"synth-domains\"]?"
                         % (meta_file, e.strerror))
    if meta.get("format") != FORMAT:
        raise ValueError("%s: format %r, this reader knows %d" % (meta_file, meta.get("format"), FORMAT))
    splits = {}
    for split, info in meta["splits"].items():
        rows = int(info["rows"])
        arrays = {}
        for field, code in FIELDS:
            path = os.path.join(directory, "%s.%s.%s" % (split, field, "f64" if code == "d" else "i32"))
            values = array(code)
            expected = rows * (meta["features"] if field == "x" else 1)
            with open(path, "rb") as f:
                values.frombytes(f.read())
            if sys.byteorder != "little":
                values.byteswap()
            if len(values) != expected:
                raise ValueError("%s: %d values, expected %d" % (path, len(values), expected))
            arrays[field] = values
        splits[split] = Split(rows, int(meta["features"]), int(meta["sequenceLength"]), arrays)
    return meta, splits
