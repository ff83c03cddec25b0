"""The PyTorch reference: routing rules on hand-checked cases, and a whole run through the protocol."""

import json
import os
import random
import struct
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

torch = pytest.importorskip("torch", reason="PyTorch is not installed for this interpreter (Debian: python3-torch)")
from scriptorium_sandbox import torch_moe  # noqa: E402


def routed(probs, strategy):
    logits = torch.log(torch.tensor(probs, dtype=torch.float64))
    _, s, _, _, _ = torch_moe.settings({"strategy": strategy})
    return torch_moe.route(logits, s, len(probs[0]))


def executed(r):
    return [torch.nonzero(row).flatten().tolist() for row in r.executed]


def test_top_k_capacity_fills_first_choices_first_in_position_order():
    probs = [[0.6, 0.3, 0.1]] * 3 + [[0.1, 0.3, 0.6]]
    r = routed(probs, {"type": "top-k", "k": 2, "capacityFactor": 1.0})  # capacity ceil(2 * 4 / 3) = 3
    assert r.requested == [[0, 1]] * 3 + [[2, 1]]
    # expert 0 takes the three first choices; expert 1: token 3's second choice... all second choices come after the
    # first choices: tokens 0, 1, 2 ask for expert 1 at rank 1, token 3 at rank 1 too: the first three fit
    assert executed(r) == [[0, 1], [0, 1], [0, 1], [2]]
    assert torch.allclose(r.gate[3], torch.tensor([0, 0, 1.0], dtype=torch.float64))  # renormalised over kept
    assert torch.isclose(r.gate[0, 0], torch.tensor(0.6 / 0.9, dtype=torch.float64))


def test_switch_drops_beyond_capacity_and_keeps_raw_gates():
    r = routed([[0.7, 0.3]] * 4, {"type": "switch", "capacityFactor": 1.0})  # capacity 2
    assert executed(r) == [[0], [0], [], []]
    assert torch.isclose(r.gate[0, 0], torch.tensor(0.7, dtype=torch.float64))


def test_top_p_takes_experts_until_the_sum_exceeds_p():
    r = routed([[0.5, 0.3, 0.2], [0.35, 0.35, 0.3]], {"type": "top-p", "p": 0.5})
    assert r.requested == [[0, 1], [0, 1]]  # 0.5 is not > 0.5; ties go to the lower index
    r = routed([[0.5, 0.3, 0.2]], {"type": "top-p", "p": 0.4})
    assert r.requested == [[0]]


def test_expert_choice_lets_each_expert_pick_its_tokens():
    probs = [[0.9, 0.1], [0.8, 0.2], [0.6, 0.4], [0.5, 0.5]]
    r = routed(probs, {"type": "expert-choice", "capacityFactor": 1.0})  # each expert takes ceil(4/2) = 2 tokens
    assert executed(r) == [[0], [0], [1], [1]]


def write_split(directory, name, rows, features, length, rng):
    with open(os.path.join(directory, name + ".x.f64"), "wb") as f:
        f.write(struct.pack("<%dd" % (rows * features), *[rng.gauss(0, 1) for _ in range(rows * features)]))
    domains = [(r // length) % 2 for r in range(rows)]
    for field, values in (("label", [rng.randrange(3) for _ in range(rows)]), ("domain", domains),
                          ("difficulty", [r % 3 for r in range(rows)]), ("token", [0] * rows)):
        with open(os.path.join(directory, "%s.%s.i32" % (name, field)), "wb") as f:
            f.write(struct.pack("<%di" % rows, *values))


def test_a_whole_run_speaks_the_protocol(tmp_path):
    data = tmp_path / "inputs" / "synth-domains"
    data.mkdir(parents=True)
    rng = random.Random(5)
    write_split(str(data), "train", 64, 6, 8, rng)
    write_split(str(data), "test", 32, 6, 8, rng)
    (data / "meta.json").write_text(json.dumps({"format": 1, "domains": 2, "classes": 3, "vocab": 1, "features": 6,
                                                "sequenceLength": 8,
                                                "splits": {"train": {"rows": 64}, "test": {"rows": 32}}}))
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"name": "t", "seeds": [2], "model": {"hidden": 8, "experts": 4, "expertHidden": 4,
                                                                      "sharedExperts": 1},
                                  "strategy": {"type": "deepseek", "k": 2},
                                  "losses": [{"type": "deepseek-balance"}, {"type": "z-loss"}],
                                  "training": {"epochs": 2, "sequencesPerMicroBatch": 2},
                                  "evaluation": {"bootstrap": 10}}))
    env = dict(os.environ, PYTHONPATH=ROOT, SCRIPTORIUM_INPUTS=str(tmp_path / "inputs"))
    p = subprocess.run([sys.executable, "-m", "scriptorium_sandbox.torch_moe", str(config)], env=env,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    ev = [json.loads(l) for l in p.stdout.decode().splitlines()]
    kinds = [e["event"] for e in ev]
    assert kinds[0] == "started" and kinds[-1] == "result"
    assert [e["step"] for e in ev if e["event"] == "progress"][-1] == 8  # 8 sequences / 2 per micro-batch = 4 steps, 2 epochs
    curve = [e for e in ev if e["event"] == "metric" and e["name"] == "train.ce"]
    assert len(curve) == 2
    names = [e["name"] for e in ev if e["event"] == "artifact"]
    assert names == ["domain_expert_frequency.csv", "per_difficulty.csv", "per_domain.csv"]
    result = ev[-1]["metrics"]
    assert result["test.avgK"] == 2.0 and 0 <= result["test.accuracy"] <= 1
    assert result["test.activatedParamRatio"] == 1.0


def test_a_strategy_outside_the_reference_is_invalid_config(tmp_path):
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"name": "t", "strategy": {"type": "hash"}}))
    p = subprocess.run([sys.executable, "-m", "scriptorium_sandbox.torch_moe", str(config)],
                       env=dict(os.environ, PYTHONPATH=ROOT, SCRIPTORIUM_INPUTS=str(tmp_path)),
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    last = json.loads(p.stdout.decode().splitlines()[-1])
    assert p.returncode == 2 and last["kind"] == "invalid-config" and "hash" in last["message"]
