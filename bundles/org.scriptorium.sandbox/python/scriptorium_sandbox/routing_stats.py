"""Routing statistics as the sandbox computes them (routing-spec section 3; org.scriptorium.sandbox's Evaluator and
RoutingMetrics): loads are EXECUTED (token, expert) pairs over routed experts (shared experts excluded), entropies in
nats. The names of the metrics and of the CSV artifacts are those the Experiment Results view charts."""

import math

DIFFICULTIES = ("easy", "medium", "hard")
DOMAIN_EXPERT_FREQUENCY = "domain_expert_frequency.csv"


def load_cv(load):
    """Coefficient of variation of the load (population std / mean); 0 if the mean is 0."""
    mean = sum(load) / len(load) if load else 0.0
    if mean == 0:
        return 0.0
    var = sum((x - mean) ** 2 for x in load) / len(load)
    return math.sqrt(var) / mean


def max_mean_load(load):
    """max/mean load (MaxVio = this - 1); 0 if the mean is 0."""
    mean = sum(load) / len(load) if load else 0.0
    return 0.0 if mean == 0 else max(load) / mean


def drop_rate(requested, executed):
    return 0.0 if requested == 0 else (requested - executed) / requested


def entropy(p):
    return -sum(x * math.log(x) for x in p if x > 0)


def marginal_entropy(load):
    s = sum(load)
    return 0.0 if s == 0 else entropy([x / s for x in load])


def mutual_information(joint):
    """(mi, nmi) between domain and expert from hard joint counts joint[d][e]; NMI = MI / min(H(D), H(E))."""
    total = float(sum(sum(row) for row in joint))
    if total == 0:
        return 0.0, 0.0
    pd = [sum(row) / total for row in joint]
    pe = [sum(joint[d][e] for d in range(len(joint))) / total for e in range(len(joint[0]))]
    mi = 0.0
    for d, row in enumerate(joint):
        for e, n in enumerate(row):
            p = n / total
            if p > 0:
                mi += p * math.log(p / (pd[d] * pe[e]))
    mi = max(0.0, mi)
    denom = min(entropy(pd), entropy(pe))
    return mi, (mi / denom if denom > 0 else 0.0)


class RoutingStats:
    """Collects the routing of an evaluation pass, example by example (in dataset order, whole sequences), and turns
    it into the sandbox's test metrics and tables.

    ``add(executed, requested, domain, difficulty, correct, loss, router_probs=None)``: ``executed`` is the list of
    executed expert indices of the example, ``requested`` the number of experts it asked for before capacity
    dropping, ``router_probs`` its router distribution over the routed experts (None for router-free strategies).
    """

    def __init__(self, experts, domains, sequence_length):
        self.experts = experts
        self.domains = domains
        self.sequence_length = sequence_length
        self.rows = []

    def add(self, executed, requested, domain, difficulty, correct, loss, router_probs=None):
        self.rows.append((sorted(int(e) for e in executed), int(requested), int(domain), int(difficulty),
                          bool(correct), float(loss), None if router_probs is None else [float(p) for p in router_probs]))

    def _group(self, index, value):
        return [r for r in self.rows if r[index] == value]

    @staticmethod
    def _accuracy(rows):
        return sum(1 for r in rows if r[4]) / len(rows) if rows else float("nan")

    @staticmethod
    def _avg_k(rows):
        return sum(len(r[0]) for r in rows) / len(rows) if rows else float("nan")

    def metrics(self, nominal_k=None, shared_size=0, routed_expert_size=0):
        """The test metrics of the sandbox's evaluator (``test.accuracy``, ``test.loss``, ``test.avgK``, per
        difficulty, loads, drops, entropies, MI/NMI, specialization, activated-parameter ratio)."""
        n = self.experts
        rows = self.rows
        m = {}
        m["test.accuracy"] = self._accuracy(rows)
        m["test.loss"] = sum(r[5] for r in rows) / len(rows)
        for level, name in enumerate(DIFFICULTIES):
            group = self._group(3, level)
            if group:
                m["test.accuracy." + name] = self._accuracy(group)
                m["test.avgK." + name] = self._avg_k(group)
        m["test.avgK"] = self._avg_k(rows)
        load = [0.0] * n
        joint = [[0.0] * n for _ in range(self.domains)]
        requested = executed = zero = 0
        h_tok = 0.0
        with_probs = 0
        for ex, req, dom, _, _, _, probs in rows:
            requested += req
            executed += len(ex)
            zero += 1 if not ex else 0
            for e in ex:
                load[e] += 1
                joint[dom][e] += 1
            if probs is not None:
                h_tok += entropy(probs)
                with_probs += 1
        m["test.dropRate"] = drop_rate(requested, executed)
        m["test.zeroRate"] = zero / len(rows)
        m["test.loadCv"] = load_cv(load)
        m["test.maxLoad"] = max_mean_load(load)
        cv = mx = 0.0
        seqs = len(rows) // self.sequence_length
        for s in range(seqs):
            seq_load = [0.0] * n
            for r in rows[s * self.sequence_length:(s + 1) * self.sequence_length]:
                for e in r[0]:
                    seq_load[e] += 1
            cv += load_cv(seq_load)
            mx += max_mean_load(seq_load)
        m["test.loadCv.micro"] = cv / seqs if seqs else 0.0
        m["test.maxLoad.micro"] = mx / seqs if seqs else 0.0
        log_n = math.log(n) if n > 1 else 1.0
        if with_probs:
            m["test.entropy.token"] = h_tok / with_probs
            m["test.entropy.token.norm"] = h_tok / with_probs / log_n
        h_marg = marginal_entropy(load)
        m["test.entropy.marginal"] = h_marg
        m["test.entropy.marginal.norm"] = h_marg / log_n
        mi, nmi = mutual_information(joint)
        m["test.mi"] = mi
        m["test.nmi"] = nmi
        if nominal_k is not None and (shared_size + nominal_k * routed_expert_size) > 0:
            m["test.activatedParamRatio"] = ((shared_size + m["test.avgK"] * routed_expert_size)
                                             / (shared_size + nominal_k * routed_expert_size))
        freq = self.frequency()
        k = m["test.avgK"]
        spec = 0.0
        for d in range(self.domains):
            spec += max(freq[d]) / (k / n) if k > 0 else 0.0
        m["test.specialization"] = spec / self.domains
        return m

    def frequency(self):
        """F[d][e] = executed (token of domain d, expert e) pairs / tokens of domain d."""
        joint = [[0.0] * self.experts for _ in range(self.domains)]
        per_domain = [0] * self.domains
        for ex, _, dom, _, _, _, _ in self.rows:
            per_domain[dom] += 1
            for e in ex:
                joint[dom][e] += 1
        return [[joint[d][e] / per_domain[d] if per_domain[d] else 0.0 for e in range(self.experts)]
                for d in range(self.domains)]

    def tables(self):
        """The CSV artifacts: name -> text (domain_expert_frequency.csv, per_difficulty.csv, per_domain.csv)."""
        out = {}
        freq = self.frequency()
        lines = ["domain" + "".join(",expert%d" % e for e in range(self.experts))]
        for d, row in enumerate(freq):
            lines.append(str(d) + "".join(",%.6f" % v for v in row))
        out[DOMAIN_EXPERT_FREQUENCY] = "\n".join(lines) + "\n"
        lines = ["difficulty,examples,accuracy,avgK"]
        for level, name in enumerate(DIFFICULTIES):
            group = self._group(3, level)
            lines.append("%s,%d,%s,%s" % (name, len(group), _f6(self._accuracy(group)), _f6(self._avg_k(group))))
        out["per_difficulty.csv"] = "\n".join(lines) + "\n"
        lines = ["domain,examples,accuracy,avgK"]
        for d in range(self.domains):
            group = self._group(2, d)
            lines.append("%d,%d,%s,%s" % (d, len(group), _f6(self._accuracy(group)), _f6(self._avg_k(group))))
        out["per_domain.csv"] = "\n".join(lines) + "\n"
        return out

    def emit(self, run, step, **kwargs):
        """Sends the metrics (one ``metric`` event each) and the tables (``artifact`` events) to ``run``; returns the
        metrics."""
        m = self.metrics(**kwargs)
        run.metrics(m, step)
        for name, text in self.tables().items():
            run.artifact(name, text)
        return m


def _f6(x):
    return "NaN" if x != x else "%.6f" % x
