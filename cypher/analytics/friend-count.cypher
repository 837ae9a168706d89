// How many FRIEND edges the graph holds, from the count store (O(1), no scan). The in-memory friend ties compare
// it with their own total before answering a hasFriendWhoPurchased query: a difference means friendships were
// written or deleted by someone this process was not told about (a CLI load), and the ties are read again.
MATCH ()-[r:FRIEND]->()
RETURN count(r) AS friends
