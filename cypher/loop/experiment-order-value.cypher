// The order value an experiment is planned with, read once when it is created (before any of its data):
// mean and mean square of the catalogue's prices. Items without a price are left out.
MATCH (i:Item)
WHERE i.price IS NOT NULL
RETURN count(i) AS items, avg(toFloat(i.price)) AS mean, avg(toFloat(i.price) * toFloat(i.price)) AS meanSq
