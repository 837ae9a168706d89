// Erasure audit records ((:ErasureAudit {idHash, at}), written by deleteUser): looked up by the salted hash
// of an id, to answer "was this user erased, and when" without keeping the id.
CREATE INDEX erasure_audit_hash IF NOT EXISTS FOR (a:ErasureAudit) ON (a.idHash);
