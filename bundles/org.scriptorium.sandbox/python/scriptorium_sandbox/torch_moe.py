"""A PyTorch reference of the sandbox's MoE-MLP task (routing-spec section 2; org.scriptorium.sandbox's MoeMlp,
Trainer and Evaluator), run as an external experiment:

    "external": {"command": ["/usr/bin/python3", "-m", "scriptorium_sandbox.torch_moe"], "inputs": ["synth-domains"]}

It trains on the SynthDomains data the sandbox writes for the run, with the experiment's own ``model``, ``strategy``,
``losses``, ``training`` and ``evaluation`` sections, and reports through the protocol exactly as the Java trainer:
progress, ``train.*`` curves per epoch, the ``test.*`` metrics and the routing tables.

Strategies: ``top-k`` (GShard, gates renormalised over the experts kept after the capacity check), ``switch``
(top-1, raw gate, capacity), ``top-p`` (dynamic top-p, raw gates), ``expert-choice`` (each expert takes its
ceil(T c / N) best tokens, raw gates), ``deepseek`` (top-k over routed experts, raw gates; shared experts from
``model.sharedExperts``) and ``dense``. Losses: ``switch-balance`` (micro or global scope, firstChoiceOnly),
``deepseek-balance``, ``entropy``, ``z-loss``. Anything else is refused as invalid-config. Double precision and
the sandbox's initialisation scales; the random streams are PyTorch's, so weights and batch order differ from the
Java trainer's (their metrics agree within the tolerances of docs/QUALITY.md; their routing decisions on the same
weights agree exactly).

``python3 -m scriptorium_sandbox.torch_moe --route IN.json OUT.json`` routes fixed hidden states with a fixed router
(the agreement test of the Java side).
"""

import json
import math
import os
import sys

import torch

from .protocol import InvalidConfig, Run
from .routing_stats import RoutingStats
from .data import load_synth_domains

STRATEGIES = ("top-k", "switch", "top-p", "expert-choice", "deepseek", "dense")
LOSSES = ("switch-balance", "deepseek-balance", "entropy", "z-loss")
LOSS_WEIGHTS = {"switch-balance": 1e-2, "deepseek-balance": 1e-2, "entropy": 1e-4, "z-loss": 1e-3}
DTYPE = torch.float64


# ---------------------------------------------------------------- configuration (defaults of ConfigBinder)

def settings(config):
    model = dict(hidden=64, experts=8, expertHidden=32, sharedExperts=0)
    model.update(config.get("model", {}))
    model.setdefault("sharedHidden", model["expertHidden"])
    s = dict(config.get("strategy") or {"type": "dense"})
    kind = s.get("type", "dense")
    if kind not in STRATEGIES:
        raise InvalidConfig("strategy.type %r is not in the PyTorch reference (it has %s)"
                            % (kind, ", ".join(STRATEGIES)))
    s.setdefault("k", 2 if kind in ("top-k", "deepseek") else 1)
    s.setdefault("p", 0.4)
    s.setdefault("temperature", 1.0)
    s.setdefault("capacityFactor", 2.0 if kind == "expert-choice" else math.inf)
    if s["capacityFactor"] is None:
        s["capacityFactor"] = math.inf
    training = dict(epochs=20, sequencesPerMicroBatch=4, accumulationSteps=1, lr=3e-3, beta1=0.9, beta2=0.999,
                    eps=1e-8, clipNorm=1.0, evalEvery=0)
    training.update(config.get("training", {}))
    losses = []
    for i, loss in enumerate(config.get("losses", [])):
        if loss.get("type") not in LOSSES:
            raise InvalidConfig("losses[%d].type %r is not in the PyTorch reference (it has %s)"
                                % (i, loss.get("type"), ", ".join(LOSSES)))
        l = dict(weight=LOSS_WEIGHTS[loss["type"]], scope="micro", firstChoiceOnly=False,
                 balanceSequences=training["sequencesPerMicroBatch"])
        l.update(loss)
        losses.append(l)
    evaluation = dict(batchSequences=training["sequencesPerMicroBatch"], bootstrap=1000)
    evaluation.update(config.get("evaluation", {}))
    return model, s, losses, training, evaluation


def nominal_k(s):
    return {"top-k": s["k"], "switch": 1, "deepseek": s["k"], "top-p": 2.0,
            "expert-choice": s["capacityFactor"]}.get(s["type"], float("nan"))


# ---------------------------------------------------------------- routing

class Routing:
    """The routing of T tokens over N routed experts: ``probs`` (T x N, with gradient), ``gate`` (T x N, 0 where
    not executed, with gradient), ``executed`` (T x N bool) and ``requested`` (per token, experts in rank order
    before capacity dropping)."""

    def __init__(self, logits, probs, gate, executed, requested):
        self.logits = logits
        self.probs = probs
        self.gate = gate
        self.executed = executed
        self.requested = requested


def _order(p):
    """Experts of each row by descending probability, ties to the lower index (Kernels.topK/argsortDescending)."""
    return torch.sort(p, dim=1, descending=True, stable=True).indices


def capacity(tokens, experts, k, factor):
    if not (factor > 0) or math.isinf(factor):
        return None
    return int(math.ceil(k * tokens / experts * factor - 1e-9))


def _capacity_keep(req, experts, cap):
    """req: T x K requested experts in rank order -> T x K kept flags: first choices of all tokens (in position
    order) fill the buffers first, then second choices, and so on."""
    tokens, ranks = req.shape
    if cap is None:
        return torch.ones_like(req, dtype=torch.bool)
    keep = torch.zeros_like(req, dtype=torch.bool)
    fill = torch.zeros(experts, dtype=torch.long)
    for r in range(ranks):
        onehot = torch.nn.functional.one_hot(req[:, r], experts)
        position = torch.cumsum(onehot, dim=0)  # 1-based position of the token among this rank's tokens of e
        slot = (position * onehot).sum(dim=1) + fill[req[:, r]]
        keep[:, r] = slot <= cap
        fill += (onehot * keep[:, r:r + 1]).sum(dim=0)
    return keep


def route(logits, s, experts):
    kind = s["type"]
    tokens = logits.shape[0]
    if kind == "dense":
        gate = torch.full((tokens, experts), 1.0 / experts, dtype=logits.dtype)
        executed = torch.ones(tokens, experts, dtype=torch.bool)
        return Routing(None, None, gate, executed, [list(range(experts))] * tokens)
    temperature = s["temperature"] if kind == "top-p" else 1.0
    probs = torch.softmax(logits / temperature, dim=1)
    executed = torch.zeros(tokens, experts, dtype=torch.bool)
    if kind in ("top-k", "switch", "deepseek"):
        k = 1 if kind == "switch" else min(int(s["k"]), experts)
        req = _order(probs.detach())[:, :k]
        cap = capacity(tokens, experts, k, s["capacityFactor"] if kind != "deepseek" else math.inf)
        keep = _capacity_keep(req, experts, cap)
        rows = torch.arange(tokens).unsqueeze(1).expand_as(req)
        executed[rows[keep], req[keep]] = True
        gate = probs * executed
        if kind == "top-k":
            gate = gate / gate.sum(dim=1, keepdim=True).clamp_min(1e-300) * executed
        return Routing(logits, probs, gate, executed, req.tolist())
    if kind == "top-p":
        order = _order(probs.detach())
        sorted_p = torch.gather(probs.detach(), 1, order)
        cumulative = torch.cumsum(sorted_p, dim=1)
        count = torch.clamp((cumulative <= s["p"]).sum(dim=1) + 1, max=experts)
        requested = []
        for t in range(tokens):
            chosen = order[t, :int(count[t])]
            executed[t, chosen] = True
            requested.append(chosen.tolist())
        return Routing(logits, probs, probs * executed, executed, requested)
    if kind == "expert-choice":
        k = min(tokens, capacity(tokens, experts, 1.0, s["capacityFactor"]) or tokens)
        picks = torch.sort(probs.detach(), dim=0, descending=True, stable=True).indices[:k, :]  # k x N tokens
        for e in range(experts):
            executed[picks[:, e], e] = True
        requested = [torch.nonzero(executed[t]).flatten().tolist() for t in range(tokens)]
        return Routing(logits, probs, probs * executed, executed, requested)
    raise InvalidConfig("strategy.type %r is not in the PyTorch reference" % kind)


# ---------------------------------------------------------------- model

def gelu(x):
    return torch.nn.functional.gelu(x, approximate="tanh")


class Linear(torch.nn.Module):
    """y = x W^T + b with W ~ N(0, std^2), b = 0."""

    def __init__(self, inputs, outputs, std, generator):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.randn(outputs, inputs, generator=generator, dtype=DTYPE) * std)
        self.bias = torch.nn.Parameter(torch.zeros(outputs, dtype=DTYPE))

    def forward(self, x):
        return x @ self.weight.T + self.bias


class Expert(torch.nn.Module):
    def __init__(self, hidden, expert_hidden, generator):
        super().__init__()
        self.a = Linear(hidden, expert_hidden, 1.0 / math.sqrt(hidden), generator)
        self.b = Linear(expert_hidden, hidden, 1.0 / math.sqrt(expert_hidden), generator)

    def forward(self, h):
        return self.b(gelu(self.a(h)))


class MoeMlp(torch.nn.Module):
    """input -> linear + GELU -> MoE layer with residual (h + sum_shared S(h) + sum_executed g E(h)) -> linear."""

    def __init__(self, features, classes, model, strategy, generator):
        super().__init__()
        h = model["hidden"]
        self.experts_count = model["experts"]
        self.strategy = strategy
        self.w1 = Linear(features, h, 1.0 / math.sqrt(features), generator)
        self.router = None
        if strategy["type"] != "dense":
            self.router = torch.nn.Parameter(
                torch.randn(self.experts_count, h, generator=generator, dtype=DTYPE) * (0.01 / math.sqrt(h)))
        self.experts = torch.nn.ModuleList(
            [Expert(h, model["expertHidden"], generator) for _ in range(self.experts_count)])
        self.shared = torch.nn.ModuleList(
            [Expert(h, model["sharedHidden"], generator) for _ in range(model["sharedExperts"])])
        self.w2 = Linear(h, classes, 1.0 / math.sqrt(h), generator)

    def forward(self, x):
        h = gelu(self.w1(x))
        logits = h @ self.router.T if self.router is not None else None
        r = route(logits, self.strategy, self.experts_count) if logits is not None else route(
            torch.zeros(x.shape[0], self.experts_count, dtype=DTYPE), self.strategy, self.experts_count)
        o = h
        for e, expert in enumerate(self.experts):
            rows = torch.nonzero(r.executed[:, e]).flatten()
            if rows.numel() == 0:
                continue
            contribution = torch.zeros_like(h).index_add(0, rows, r.gate[rows, e:e + 1] * expert(h[rows]))
            o = o + contribution
        for expert in self.shared:
            o = o + expert(h)
        return self.w2(o), r

    def routed_expert_size(self, model):
        return model["hidden"] * model["expertHidden"] * 2 + model["expertHidden"] + model["hidden"]

    def shared_size(self, model):
        return model["sharedExperts"] * (model["hidden"] * model["sharedHidden"] * 2 + model["sharedHidden"]
                                         + model["hidden"])


# ---------------------------------------------------------------- losses

class BalanceLosses:
    """The auxiliary losses of one micro-batch (the Java classes of org.scriptorium.sandbox.internal.loss)."""

    def __init__(self, losses, strategy, sequences_per_micro_batch, experts):
        self.losses = losses
        self.k = strategy["k"]
        self.experts = experts
        self.micro = sequences_per_micro_batch
        self.buffers = [None] * len(losses)
        self.seen = [0] * len(losses)

    def __call__(self, r):
        total = torch.zeros((), dtype=DTYPE)
        if r.probs is None:
            return total
        n = self.experts
        tokens = r.probs.shape[0]
        for i, l in enumerate(self.losses):
            kind, w = l["type"], l["weight"]
            if kind == "switch-balance":
                window = max(1, l["balanceSequences"] // self.micro) if l["scope"] == "global" else 1
                if self.buffers[i] is None or self.seen[i] % window == 0:
                    self.buffers[i] = torch.zeros(n, dtype=DTYPE)
                self.seen[i] += 1
                for req in r.requested:
                    for e in (req[:1] if l["firstChoiceOnly"] else req):
                        self.buffers[i][e] += 1
                count = self.buffers[i].sum()
                if count > 0:
                    total = total + w * n * torch.sum(self.buffers[i] / count * r.probs.mean(dim=0))
            elif kind == "deepseek-balance":
                f = torch.zeros(n, dtype=DTYPE)
                for req in r.requested:
                    for e in req:
                        f[e] += 1
                f = f * n / (self.k * tokens)
                total = total + w * torch.sum(f * r.probs.mean(dim=0))
            elif kind == "entropy":
                p = r.probs
                plogp = torch.where(p > 0, p * torch.log(p.clamp_min(1e-300)), torch.zeros_like(p))
                total = total + w * (-plogp.sum()) / tokens
            elif kind == "z-loss":
                lse = torch.logsumexp(r.logits[:, :n], dim=1)
                total = total + w * (lse * lse).mean()
        return total


# ---------------------------------------------------------------- training and evaluation

def tensors(split):
    x = torch.frombuffer(bytearray(split.x.tobytes()), dtype=DTYPE).view(split.rows, split.features)
    as_long = lambda a: torch.tensor(a, dtype=torch.long)
    return x, as_long(split.label), as_long(split.domain), as_long(split.difficulty)


def rows_of(sequences, length):
    return (sequences.unsqueeze(1) * length + torch.arange(length)).flatten()


def evaluate(model, x, labels, batch_sequences, length, limit=None):
    """Per-example (predicted, loss, routing) in dataset order, in batches of whole sequences."""
    n = x.shape[0] if limit is None else min(limit, x.shape[0])
    seqs = max(1, n // length)
    out = []
    with torch.no_grad():
        for s in range(0, seqs, batch_sequences):
            rows = rows_of(torch.arange(s, min(seqs, s + batch_sequences)), length)
            logits, r = model(x[rows])
            logp = torch.log_softmax(logits, dim=1)
            predicted = torch.argmax(logits, dim=1)
            for i, row in enumerate(rows.tolist()):
                out.append((row, int(predicted[i]), float(-logp[i, labels[row]]),
                            torch.nonzero(r.executed[i]).flatten().tolist(), len(r.requested[i]),
                            None if r.probs is None else r.probs[i].tolist()))
    return out


def bootstrap(correct, resamples, generator, level=0.95):
    values = torch.tensor(correct, dtype=DTYPE)
    mean = float(values.mean())
    if resamples <= 0:
        return mean, mean, mean
    stats = []
    for _ in range(resamples):
        stats.append(float(values[torch.randint(len(correct), (len(correct),), generator=generator)].mean()))
    stats.sort()
    alpha = (1 - level) / 2
    return mean, stats[int(math.floor(alpha * (resamples - 1)))], stats[int(math.ceil((1 - alpha) * (resamples - 1)))]


def macro_f1(predicted, labels, classes):
    total = 0.0
    for c in range(classes):
        tp = sum(1 for p, y in zip(predicted, labels) if p == c and y == c)
        fp = sum(1 for p, y in zip(predicted, labels) if p == c and y != c)
        fn = sum(1 for p, y in zip(predicted, labels) if p != c and y == c)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        total += 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return total / classes


def train(run, config, meta, splits):
    model_cfg, strategy, losses, tc, ec = settings(config)
    torch.set_num_threads(int(os.environ.get("SCRIPTORIUM_TORCH_THREADS", "1")))
    seed = run.seed
    generator = torch.Generator().manual_seed(seed)
    x, labels, _, _ = tensors(splits["train"])
    test_x, test_labels, test_domain, test_difficulty = tensors(splits["test"])
    length = int(meta["sequenceLength"])
    experts = model_cfg["experts"]
    model = MoeMlp(int(meta["features"]), int(meta["classes"]), model_cfg, strategy, generator)
    aux = BalanceLosses(losses, strategy, tc["sequencesPerMicroBatch"], experts)
    optimizer = torch.optim.Adam(model.parameters(), lr=tc["lr"], betas=(tc["beta1"], tc["beta2"]), eps=tc["eps"])
    m = tc["sequencesPerMicroBatch"]
    sequences = splits["train"].sequences
    micro_per_epoch = max(1, sequences // m)
    steps_per_epoch = max(1, micro_per_epoch // tc["accumulationSteps"])
    total = steps_per_epoch * tc["epochs"]
    progress_every = max(1, total // 50)
    run.log("PyTorch %s reference: strategy %s; losses %s; %d train / %d test examples, %d optimizer steps"
            % (torch.__version__, strategy["type"], ", ".join(l["type"] for l in losses) or "none",
               splits["train"].rows, splits["test"].rows, total))
    step = 0
    for epoch in range(1, tc["epochs"] + 1):
        order = torch.randperm(sequences, generator=generator)
        ce_sum = aux_sum = 0.0
        tokens = active = requested = micro = 0
        for _ in range(steps_per_epoch):
            for _ in range(tc["accumulationSteps"]):
                run.check_cancel("step %d" % step)
                start = (micro % micro_per_epoch) * m
                micro += 1
                rows = rows_of(order[start:start + m], length)
                logits, r = model(x[rows])
                ce = torch.nn.functional.cross_entropy(logits, labels[rows])
                a = aux(r)
                ((ce + a) / tc["accumulationSteps"]).backward()
                ce_sum += float(ce)
                aux_sum += float(a)
                tokens += rows.numel()
                active += int(r.executed.sum())
                requested += sum(len(q) for q in r.requested)
            if tc["clipNorm"] > 0:
                norm = math.sqrt(sum(float((p.grad * p.grad).sum()) for p in model.parameters() if p.grad is not None))
                if norm > tc["clipNorm"]:
                    for p in model.parameters():
                        if p.grad is not None:
                            p.grad.mul_(tc["clipNorm"] / norm)
            optimizer.step()
            optimizer.zero_grad(set_to_none=False)
            step += 1
            if step % progress_every == 0 or step == total:
                run.progress(step, total)
        micros = steps_per_epoch * tc["accumulationSteps"]
        run.metric("train.ce", step, ce_sum / micros)
        run.metric("train.aux", step, aux_sum / micros)
        run.metric("train.avgK", step, active / tokens)
        run.metric("train.dropRate", step, (requested - active) / requested if requested else 0.0)
        if tc["evalEvery"] > 0 and epoch % tc["evalEvery"] == 0 and epoch < tc["epochs"]:
            ev = evaluate(model, test_x, test_labels, ec["batchSequences"], length)
            run.metric("test.accuracy", step, sum(1 for e in ev if e[1] == test_labels[e[0]]) / len(ev))
            run.metric("test.avgK", step, sum(len(e[3]) for e in ev) / len(ev))
    # final evaluation, as the sandbox's Evaluator
    stats = RoutingStats(experts, int(meta["domains"]), length)
    ev = evaluate(model, test_x, test_labels, ec["batchSequences"], length)
    for row, predicted, loss, executed, count, probs in ev:
        stats.add(executed, count, int(test_domain[row]), int(test_difficulty[row]),
                  predicted == int(test_labels[row]), loss, probs)
    metrics = stats.metrics(nominal_k=nominal_k(strategy), shared_size=model.shared_size(model_cfg),
                            routed_expert_size=model.routed_expert_size(model_cfg))
    correct = [1.0 if e[1] == int(test_labels[e[0]]) else 0.0 for e in ev]
    acc, low, high = bootstrap(correct, int(ec["bootstrap"]), generator)
    metrics["test.accuracy.ciLow"] = low
    metrics["test.accuracy.ciHigh"] = high
    metrics["test.macroF1"] = macro_f1([e[1] for e in ev], [int(test_labels[e[0]]) for e in ev], int(meta["classes"]))
    tr = evaluate(model, x, labels, ec["batchSequences"], length, limit=min(x.shape[0], test_x.shape[0]))
    train_acc = sum(1 for e in tr if e[1] == int(labels[e[0]])) / len(tr)
    metrics["train.accuracy"] = train_acc
    metrics["trainTestGap"] = train_acc - acc
    run.metrics(metrics, step)
    for name, text in stats.tables().items():
        run.artifact(name, text)
    return metrics


def route_check(inp, out):
    """Routes fixed hidden states ``h`` (T x H) with a fixed router ``wr`` (N x H) under every strategy of IN."""
    with open(inp, encoding="utf-8") as f:
        spec = json.load(f)
    h = torch.tensor(spec["h"], dtype=DTYPE)
    wr = torch.tensor(spec["wr"], dtype=DTYPE)
    logits = h @ wr.T
    results = []
    for s in spec["strategies"]:
        _, strategy, _, _, _ = settings({"strategy": s})
        r = route(logits, strategy, wr.shape[0])
        results.append({"executed": [torch.nonzero(row).flatten().tolist() for row in r.executed],
                        "requested": r.requested, "gate": r.gate.detach().tolist()})
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"results": results}, f)


def main(argv):
    if len(argv) == 4 and argv[1] == "--route":
        route_check(argv[2], argv[3])
        return 0
    with Run() as run:
        settings(run.config)  # refuses what the reference does not implement before reading the data
        try:
            meta, splits = load_synth_domains()
        except ValueError as e:
            raise InvalidConfig(str(e))
        metrics = train(run, run.config, meta, splits)
        run.result(metrics)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
