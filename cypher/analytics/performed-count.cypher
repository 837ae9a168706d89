// How many PERFORMED edges (user -> event) the graph holds, from the count store (O(1), no scan). The in-memory
// event logs compare it with their own total before answering: a difference means events were written or deleted
// by someone this process was not told about (a CLI load, another process), and the logs are read again.
MATCH ()-[r:PERFORMED]->()
RETURN count(r) AS performed
