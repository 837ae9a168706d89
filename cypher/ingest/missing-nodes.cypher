// Which of the users and items a live write names are not stored. The live path refuses to create them
// (NOT_FOUND) unless GREC_AUTO_CREATE=true; batch loads create them with ensure-nodes.cypher instead.
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
