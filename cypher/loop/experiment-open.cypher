// The experiments of a surface that nobody stopped, and (when $now is given) whose stopAt has not passed:
// the candidates for serving, and the ones a new experiment's time window must not overlap.
// :param surface => 'recommendations'
// :param now => null
MATCH (x:Experiment {surface: $surface})
WHERE x.stoppedAt IS NULL AND ($now IS NULL OR x.stopAt IS NULL OR x.stopAt > $now)
RETURN x {.*} AS experiment
ORDER BY x.startAt, x.key
