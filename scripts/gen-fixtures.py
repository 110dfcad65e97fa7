#!/usr/bin/env python3
"""Reference values for the Beta kernels, from SciPy. Run: python3 scripts/gen-fixtures.py"""
import json
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261125)
cases = []
for _ in range(200):
    a = float(rng.uniform(1, 12))
    b = float(rng.uniform(1, 12))
    x = float(rng.uniform(0, 1))
    d = stats.beta(a, b)
    cases.append({"alpha": a, "beta": b, "x": x, "cdf": float(d.cdf(x)), "mean": float(d.mean()), "variance": float(d.var())})
# Edges: the shapes our levels produce (α, β = 1 + r·10, 1 + (1 − r)·10) at the ends of the scale.
for r in (0.0, 0.2, 0.5, 0.8, 1.0):
    a, b = 1 + r * 10, 1 + (1 - r) * 10
    for x in (0.0, 0.025, 0.5, 0.975, 1.0):
        d = stats.beta(a, b)
        cases.append({"alpha": a, "beta": b, "x": x, "cdf": float(d.cdf(x)), "mean": float(d.mean()), "variance": float(d.var())})

mixtures = []
for _ in range(30):
    k = int(rng.integers(1, 6))
    ratios = [float(v) for v in rng.choice([0.0, 0.2, 0.4, 0.6, 0.8, 1.0], size=k)]
    weights = rng.uniform(0.1, 1, size=k)
    weights = [float(w) for w in weights / weights.sum()]
    comps = [stats.beta(1 + r * 10, 1 + (1 - r) * 10) for r in ratios]
    def cdf(x):
        return sum(w * c.cdf(x) for w, c in zip(weights, comps))
    from scipy.optimize import brentq
    q_lo = brentq(lambda x: cdf(x) - 0.025, 0, 1, xtol=1e-14)
    q_hi = brentq(lambda x: cdf(x) - 0.975, 0, 1, xtol=1e-14)
    mixtures.append({"ratios": ratios, "weights": weights, "qLow": q_lo, "qHigh": q_hi})

with open("test/fixtures/beta/scipy-beta.json", "w") as f:
    json.dump({"generator": f"scipy {__import__('scipy').__version__}", "cases": cases, "mixtures": mixtures}, f, indent=1)
print(f"wrote {len(cases)} cases, {len(mixtures)} mixtures")
