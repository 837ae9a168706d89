// Stops an experiment: its variants are no longer served; its results stay readable. A second stop keeps
// the first time.
// :param key => 'graph-vs-hybrid'
// :param now => 1767312000000
MATCH (x:Experiment {key: $key})
SET x.stoppedAt = coalesce(x.stoppedAt, $now)
RETURN x {.*} AS experiment
