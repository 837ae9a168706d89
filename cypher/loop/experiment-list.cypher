// Experiments, newest first (ties by key); only the given keys when $keys is not null.
// :param keys => null
MATCH (x:Experiment)
WHERE $keys IS NULL OR x.key IN $keys
RETURN x {.*} AS experiment
ORDER BY x.createdAt DESC, x.key
