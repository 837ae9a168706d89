import type { ApiClient } from './api-client.ts';

interface UsersPage {
  users: { edges: { node: { id: string; consent: { analytics: boolean } | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** The store's users and which of them consented to analytics (only they are counted in experiment results). */
export async function storeShoppers(api: ApiClient): Promise<{ ids: string[]; analytics: Set<string> }> {
  const ids: string[] = [];
  const analytics = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const d: UsersPage = await api.query<UsersPage>(`query($after: String) { users(first: 100, after: $after) {
      edges { node { id consent { analytics } } } pageInfo { hasNextPage endCursor } } }`, { after });
    for (const e of d.users.edges) {
      ids.push(e.node.id);
      if (e.node.consent?.analytics === true) analytics.add(e.node.id);
    }
    if (!d.users.pageInfo.hasNextPage) return { ids, analytics };
    after = d.users.pageInfo.endCursor;
  }
}
