// Creates one experiment (docs/loop.md, "Experiments"). The unique constraint on key turns a second
// experiment with the same key into a CONFLICT. `variants` is a JSON string, the control first:
// [{key, weight, strategy, hybridWeights}]. The planned* and orderValue* properties fix, before any data,
// the sample size the always-valid intervals are tuned for (README "Experiments").
// :param experiment => {key: 'graph-vs-hybrid', name: 'GRAPH against HYBRID', surface: 'recommendations', variants: '[{"key":"control","weight":0.5,"strategy":"HYBRID","hybridWeights":null},{"key":"graph","weight":0.5,"strategy":"GRAPH","hybridWeights":null}]', coverage: 1.0, audienceSegmentId: null, startAt: 1767225600000, stopAt: null, seed: 'graph-vs-hybrid', hashVersion: 2, createdAt: 1767225600000, plannedUsersPerVariant: 10000, baselineConversionRate: 0.05, orderValueMean: 20.0, orderValueMeanSq: 500.0}
CREATE (x:Experiment)
SET x = $experiment
RETURN x {.*} AS experiment
