// What the console offers each role. It mirrors the API's permission table
// (src/usecases/access/permissions.ts) only to hide what would be refused; the API still decides.

export type ConsoleRole = 'anonymous' | 'shopper' | 'service' | 'analyst' | 'admin';

export const VIEWS = ['user', 'behaviour', 'experiments', 'segments', 'cypher', 'catalogue'] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_TITLES: Readonly<Record<ViewId, string>> = {
  user: 'User 360',
  behaviour: 'Behaviour',
  experiments: 'Experiments & campaigns',
  segments: 'Segments',
  cypher: 'Cypher',
  catalogue: 'Catalogue',
};

/** The console's views read population data (analytics, profiles, experiments): analysts and admins. */
export function viewsFor(role: ConsoleRole): readonly ViewId[] {
  return role === 'analyst' || role === 'admin' ? VIEWS : [];
}

export type WriteAction = 'segments:define' | 'experiments:stop' | 'campaigns:stop';

/** Rule segments are an analyst's work (the API lets them define segments); stopping tests is an admin's. */
export function mayWrite(role: ConsoleRole, action: WriteAction): boolean {
  switch (action) {
    case 'segments:define':
      return role === 'analyst' || role === 'admin';
    case 'experiments:stop':
    case 'campaigns:stop':
      return role === 'admin';
  }
}
