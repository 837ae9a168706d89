// Saves a new campaign (docs/loop.md "Campaigns"). The offer is stored as JSON; its item ids are also kept
// as a list property (`itemIds`) so the offer and audience queries can match the items without parsing JSON.
// The campaign_id constraint makes a duplicate id a CONFLICT.
// :param campaign => {id: 'spring-shoes-k3v9q2', name: 'Spring shoes', audienceSegmentId: null, offer: '{"itemIds":["i1"],"coupon":null,"discount":0.1,"message":null,"value":20}', itemIds: ['i1'], channel: 'ONSITE', startAt: 1767225600000, endAt: null, frequencyCap: 3, holdoutShare: 0.1, createdAt: 1767225600000}
CREATE (c:Campaign)
SET c = $campaign
RETURN c {.*} AS campaign
