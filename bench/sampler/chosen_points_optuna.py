"""Fidelity check (not part of the build): the point Optuna 3.1's TPESampler chooses for a fixed trial history,
over many seeds, compared with ours (see chosen-points.ts) by mean, standard deviation and a two-sample
Kolmogorov-Smirnov test per parameter. Needs Optuna 3.1 (e.g. Debian bookworm's python3-optuna 3.1.0).

    python3 bench/sampler/chosen_points_optuna.py HISTORY.json tpe|mv N_SEEDS [OURS.json]
"""
import json
import sys
import warnings

import numpy as np
import optuna
from optuna.distributions import FloatDistribution
from optuna.trial import FrozenTrial, TrialState, create_trial
from scipy import stats

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)

history_file, mode, n_seeds = sys.argv[1], sys.argv[2], int(sys.argv[3])
history = json.load(open(history_file))
distributions = {f"x{d}": FloatDistribution(low, high) for d, (low, high) in enumerate(history["bounds"])}
study = optuna.create_study()
for t in history["trials"]:
    study.add_trial(create_trial(params=t["params"], distributions=distributions, value=t["value"]))
current = FrozenTrial(
    number=len(history["trials"]), state=TrialState.RUNNING, value=None, datetime_start=None,
    datetime_complete=None, params={}, distributions={}, user_attrs={}, system_attrs={},
    intermediate_values={}, trial_id=len(history["trials"]),
)
rows = []
for seed in range(n_seeds):
    sampler = optuna.samplers.TPESampler(seed=seed, multivariate=mode == "mv")
    if mode == "mv":
        params = sampler.sample_relative(study, current, sampler.infer_relative_search_space(study, current))
        rows.append([params[name] for name in distributions])
    else:
        rows.append([sampler.sample_independent(study, current, name, d) for name, d in distributions.items()])
optuna_points = np.array(rows)
if len(sys.argv) < 5:
    print(json.dumps(rows))
    sys.exit(0)
ours = np.array(json.load(open(sys.argv[4])))
print(f"{len(history['trials'])} trials, {mode}; {len(ours)} seeds ours, {n_seeds} Optuna")
print("| parameter | ours mean | Optuna mean | ours sd | Optuna sd | KS p |")
print("|---|---:|---:|---:|---:|---:|")
for d, name in enumerate(distributions):
    p = stats.ks_2samp(ours[:, d], optuna_points[:, d]).pvalue
    print(f"| {name} | {ours[:, d].mean():.4f} | {optuna_points[:, d].mean():.4f} | {ours[:, d].std():.4f} | "
          f"{optuna_points[:, d].std():.4f} | {p:.3g} |")
