// Placeholder replaced by the Neo4j global setup (starts one real Neo4j per test run).
export default async function setup(): Promise<void> {}
