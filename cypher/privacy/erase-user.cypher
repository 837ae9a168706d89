// Erasure, last step, in one transaction: any event or impression recorded since steps 1 and 2, the user
// node with whatever is still attached (its properties, stored embedding included, go with it), and the audit record, which
// keeps only a salted hash of the id ($idHash = HMAC-SHA256(GREC_ERASURE_SALT, id)) and the time.
// `erased` = 0 when the user does not exist (then nothing is written).
// :param userId => 'u1'
// :param idHash => 'k3jG0f2p'
// :param at => 1735689600000
MATCH (u:User {id: $userId})
CALL (u) {
  MATCH (u)-[:PERFORMED]->(e:Event)
  DETACH DELETE e
}
CALL (u) {
  MATCH (u)-[:SAW]->(p:Impression)
  DETACH DELETE p
}
DETACH DELETE u
CREATE (:ErasureAudit {idHash: $idHash, at: $at})
RETURN count(*) AS erased
