"""Optuna reference for bench/sampler (not part of the build): median regret of Optuna's TPE on the same four
functions, bounds and defaults as run.ts. Needs Optuna 3.1 (e.g. Debian bookworm's python3-optuna 3.1.0).

    python3 bench/sampler/optuna_reference.py Branin|Hartmann6|Rosenbrock-10D|Sphere-10D tpe|mv N_SEEDS [FIRST_SEED]
"""
import math
import sys

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)


def branin(x):
    x1, x2 = x
    b, c, t = 5.1 / (4 * math.pi**2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H_P = [
    [v * 1e-4 for v in row]
    for row in [
        [1312, 1696, 5569, 124, 8283, 5886],
        [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650],
        [4047, 8828, 8732, 5743, 1091, 381],
    ]
]


def hartmann6(x):
    return -sum(
        H_ALPHA[i] * math.exp(-sum(H_A[i][j] * (x[j] - H_P[i][j]) ** 2 for j in range(6))) for i in range(4)
    )


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (x[i] - 1) ** 2 for i in range(len(x) - 1))


def sphere(x):
    return sum(v * v for v in x)


FUNCTIONS = {
    "Branin": (branin, [(-5, 10), (0, 15)], 0.397887357729738),
    "Hartmann6": (hartmann6, [(0, 1)] * 6, -3.32236801141551),
    "Rosenbrock-10D": (rosenbrock, [(-5, 10)] * 10, 0.0),
    "Sphere-10D": (sphere, [(-5.12, 5.12)] * 10, 0.0),
}

name, mode, n_seeds = sys.argv[1], sys.argv[2], int(sys.argv[3])
first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
f, bounds, optimum = FUNCTIONS[name]
regret = {25: [], 50: [], 100: []}
for seed in range(first, first + n_seeds):
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed, multivariate=mode == "mv"))
    study.optimize(lambda t: f([t.suggest_float(f"x{d}", lo, hi) for d, (lo, hi) in enumerate(bounds)]), n_trials=100)
    values = [t.value for t in study.trials]
    for c in regret:
        regret[c].append(min(values[:c]) - optimum)
print(
    name,
    "tpe-multivariate" if mode == "mv" else "tpe",
    " ".join(f"@{c} {np.median(v):.4g}" for c, v in regret.items()),
    f"q25-q75@100 {np.percentile(regret[100], 25):.4g}-{np.percentile(regret[100], 75):.4g}",
)
# Per seed, so that runs over different seed ranges can be pooled.
print("regret@100 by seed", " ".join(f"{seed}:{v:.6g}" for seed, v in zip(range(first, first + n_seeds), regret[100])))
