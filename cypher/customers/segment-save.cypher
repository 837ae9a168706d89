// Saves a segment's definition (creates it, or replaces the definition of the one with that id).
// kind: 'RULE' (rule = the JSON rule document), 'RFM' (built in), 'CLUSTER' (from the last clustering).
// :param segment => {id: 'big-spenders', name: 'Big spenders', kind: 'RULE', rule: '{"feature":"monetary","op":"gte","value":500}', description: 'monetary >= 500', updatedAt: 1735689600000}
MERGE (s:Segment {id: $segment.id})
SET s += $segment
RETURN s.id AS id
