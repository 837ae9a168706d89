// The friends of some users only (by the User.id constraint's index), as population.cypher's
// hasFriendWhoPurchased rule matches them ((u)-[:FRIEND]-(fr:User), either direction): the users whose
// friendships this process changed, or was told about, since the ties were read. A missing (or erased) user
// returns no row: they have no friends.
// :param userIds => ['u1']
UNWIND $userIds AS userId
MATCH (u:User {id: userId})
RETURN userId, [(u)-[:FRIEND]-(f:User) | f.id] AS friends
