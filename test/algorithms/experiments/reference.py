"""Reference values for test/algorithms/experiments/*.test.ts, pasted there as fixtures.

Run:  python3 -m venv /tmp/venv-scipy && /tmp/venv-scipy/bin/pip install scipy statsmodels
      /tmp/venv-scipy/bin/python test/algorithms/experiments/reference.py
(fixtures produced with scipy 1.17.1 and statsmodels 0.15.0; the script prints the versions first).
"""
import json
import math

import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint, proportions_ztest

print("# scipy", scipy.__version__, "statsmodels", statsmodels.__version__)

print("# proportions: (xA, nA, xB, nB) -> z, p (pooled), diff CI (unpooled Wald), ratio CI (Katz log), Wilson/Wald of B")
for xa, na, xb, nb in [(20, 100, 30, 100), (500, 10000, 560, 10000), (3, 40, 9, 45), (120, 1000, 95, 1000)]:
    z, p = proportions_ztest([xb, xa], [nb, na], value=0, alternative="two-sided", prop_var=False)
    dlo, dhi = confint_proportions_2indep(xb, nb, xa, na, method="wald", compare="diff", alpha=0.05)
    rlo, rhi = confint_proportions_2indep(xb, nb, xa, na, method="log", compare="ratio", alpha=0.05)
    wlo, whi = proportion_confint(xb, nb, alpha=0.05, method="wilson")
    nlo, nhi = proportion_confint(xb, nb, alpha=0.05, method="normal")
    print(json.dumps(dict(a=[xa, na], b=[xb, nb], z=z, p=p, diff=[dlo, dhi], lift=[rlo - 1, rhi - 1], wilsonB=[wlo, whi], normalB=[nlo, nhi])))

print("# welch: (nA, sumA, sumSqA, nB, sumB, sumSqB) -> t, p, df, 95% CI of mB - mA")
for na, sa, qa, nb, sb, qb in [(50, 1234.5, 45678.9, 60, 1600.2, 61234.5), (12, 30.0, 100.0, 8, 40.0, 260.0), (1000, 5210.0, 81234.0, 1100, 6012.0, 95100.0)]:
    ma, mb = sa / na, sb / nb
    va = (qa - sa * sa / na) / (na - 1)
    vb = (qb - sb * sb / nb) / (nb - 1)
    t, p = stats.ttest_ind_from_stats(mb, math.sqrt(vb), nb, ma, math.sqrt(va), na, equal_var=False)
    se2 = va / na + vb / nb
    df = se2 ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    h = stats.t.ppf(0.975, df) * math.sqrt(se2)
    print(json.dumps(dict(a=[na, sa, qa], b=[nb, sb, qb], t=t, p=p, df=df, ci=[mb - ma - h, mb - ma + h])))

print("# welch from raw samples, CI from scipy's own TtestResult.confidence_interval")
xa = [12.0, 0.0, 0.0, 35.5, 8.25, 0.0, 19.99, 4.5, 0.0, 22.0]
xb = [15.0, 0.0, 42.0, 9.99, 0.0, 27.5, 31.0, 0.0, 18.75, 12.0, 5.0]
r = stats.ttest_ind(xb, xa, equal_var=False)
ci = r.confidence_interval(0.95)
print(json.dumps(dict(a=[len(xa), sum(xa), sum(v * v for v in xa)], b=[len(xb), sum(xb), sum(v * v for v in xb)], t=r.statistic, p=r.pvalue, df=r.df, ci=[ci.low, ci.high])))

print("# srm: chisquare(counts, expected from renormalised weights)")
for counts, weights in [([5000, 5100], [1, 1]), ([4800, 5200], [50, 50]), ([3300, 3350, 3150], [1, 1, 1]), ([2000, 8150], [0.2, 0.8]), ([10120, 9880, 10000, 10400], [25, 25, 25, 25])]:
    tot = sum(counts)
    exp = [tot * w / sum(weights) for w in weights]
    s, p = stats.chisquare(counts, exp)
    print(json.dumps(dict(counts=counts, weights=weights, stat=s, p=p)))

print("# sequential: half-width sqrt(V(V+tau2)/tau2 (ln((V+tau2)/V) - 2 ln alpha)), p = min(1, 1/Lambda); independent re-implementation")
for est, se, tau2, alpha in [(0.1, 0.05, 0.01, 0.05), (0.02, 0.01, 1e-4, 0.05), (-1.5, 0.4, 2.0, 0.1)]:
    V = se * se
    h = math.sqrt(V * (V + tau2) / tau2 * (math.log((V + tau2) / V) - 2 * math.log(alpha)))
    lam = math.sqrt(V / (V + tau2)) * math.exp(tau2 * est * est / (2 * V * (V + tau2)))
    print(json.dumps(dict(est=est, se=se, tau2=tau2, alpha=alpha, half=h, p=min(1.0, 1 / lam), fixed=stats.norm.ppf(1 - alpha / 2) * se)))
