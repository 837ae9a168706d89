// Which of the users and items a write names are not stored. The live path refuses to create them
// (NOT_FOUND) unless GREC_AUTO_CREATE=true; batch loads create them (ensure-nodes.cypher, or the MERGEs of
// friends, follows, aggregates and item-tags) and count them with this file first, for the load report.
// :param userIds => ['u1']
// :param itemIds => ['i1']
CALL (*) {
  UNWIND $userIds AS uid
  OPTIONAL MATCH (u:User {id: uid})
  WITH uid, u WHERE u IS NULL
  RETURN collect(uid) AS missingUsers
}
CALL (*) {
  UNWIND $itemIds AS iid
  OPTIONAL MATCH (i:Item {id: iid})
  WITH iid, i WHERE i IS NULL
  RETURN collect(iid) AS missingItems
}
RETURN missingUsers, missingItems
