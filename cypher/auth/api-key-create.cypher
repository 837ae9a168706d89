// Stores a new API key by its hash (the clear key is shown once, by `grec keys create`, and never stored).
// :param id => 'k-3f9a1c2b'
// :param hash => 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c'
// :param name => 'shop backend'
// :param role => 'service'
// :param createdAt => 1767225600000
CREATE (k:ApiKey {id: $id, hash: $hash, name: $name, role: $role, createdAt: $createdAt})
RETURN k.id AS id
