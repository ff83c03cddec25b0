"""Routing statistics: the sandbox's formulas (RoutingMetrics, Evaluator) on hand-checked cases."""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from scriptorium_sandbox.routing_stats import RoutingStats, load_cv, max_mean_load, mutual_information  # noqa: E402


def test_load_formulas():
    assert load_cv([2, 2, 2, 2]) == 0
    assert math.isclose(load_cv([4, 0]), 1.0)
    assert max_mean_load([3, 1]) == 1.5
    assert load_cv([0, 0]) == 0 and max_mean_load([0, 0]) == 0


def test_perfect_specialization_has_nmi_one_and_uniform_routing_zero():
    assert math.isclose(mutual_information([[5, 0], [0, 5]])[1], 1.0)
    assert mutual_information([[5, 5], [5, 5]]) == (0.0, 0.0)


def test_metrics_and_tables_of_a_small_pass():
    s = RoutingStats(experts=2, domains=2, sequence_length=2)
    # sequence 0, domain 0: easy token on expert 0, hard token on both experts; sequence 1, domain 1: medium tokens
    s.add([0], 1, 0, 0, True, 0.1, [0.9, 0.1])
    s.add([0, 1], 2, 0, 2, False, 1.0, [0.5, 0.5])
    s.add([1], 2, 1, 1, True, 0.2, [0.2, 0.8])  # one of two requested experts dropped
    s.add([], 1, 1, 1, False, 2.0, [0.3, 0.7])  # dropped: no expert
    m = s.metrics(nominal_k=2, shared_size=0, routed_expert_size=10)
    assert m["test.accuracy"] == 0.5
    assert math.isclose(m["test.loss"], 3.3 / 4)
    assert m["test.avgK"] == 1.0
    assert m["test.avgK.easy"] == 1 and m["test.avgK.hard"] == 2 and m["test.avgK.medium"] == 0.5
    assert m["test.accuracy.medium"] == 0.5
    assert math.isclose(m["test.dropRate"], 2 / 6)
    assert m["test.zeroRate"] == 0.25
    assert m["test.loadCv"] == 0  # 2 and 2
    assert m["test.activatedParamRatio"] == 0.5
    # per sequence: [2, 1] -> cv 1/3, max/mean 4/3; [0, 1] -> cv 1, max/mean 2
    assert math.isclose(m["test.loadCv.micro"], (1 / 3 + 1) / 2)
    assert math.isclose(m["test.maxLoad.micro"], (4 / 3 + 2) / 2)
    h = lambda p: -sum(x * math.log(x) for x in p if x > 0)
    assert math.isclose(m["test.entropy.token"], (h([.9, .1]) + h([.5, .5]) + h([.2, .8]) + h([.3, .7])) / 4)
    assert math.isclose(m["test.entropy.marginal.norm"], 1.0)
    # F = [[1, 0.5], [0, 0.5]]: specialization = mean over domains of max F / (avgK / N)
    assert math.isclose(m["test.specialization"], (1 / 0.5 + 0.5 / 0.5) / 2)
    tables = s.tables()
    assert tables["domain_expert_frequency.csv"] == "domain,expert0,expert1\n0,1.000000,0.500000\n1,0.000000,0.500000\n"
    assert tables["per_difficulty.csv"].splitlines()[1] == "easy,1,1.000000,1.000000"
    assert tables["per_domain.csv"].splitlines()[2] == "1,2,0.500000,0.500000"
