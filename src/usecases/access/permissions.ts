// The authorisation rules of the product, in one table. Use cases call `authorize` before they read or
// write, so every transport (GraphQL, CLI, tests) obeys the same rules; the GraphQL layer only turns a
// request's credentials into a Principal.
import { forbidden, unauthenticated } from '../../domain/errors.ts';
import type { UserId } from '../../domain/ids.ts';
import type { Principal, Role } from '../../domain/principal.ts';

export type Permission =
  /** Items, categories, tags. */
  | 'catalog:read'
  /** A user's own record and read model (attributes, history, friends); for a shopper only their own. */
  | 'user:read'
  /** Listing all users. */
  | 'user:list'
  /** Recommendations, friend recommendations, people you may know, for a user. */
  | 'recs:read'
  /** Similar items for an item (catalogue-level, no user data). */
  | 'recs:similar'
  /** Recommendations for a visitor without an account (popular, or from the items of the current session). */
  | 'recs:visitor'
  /** A user's journey and next-state forecast. */
  | 'journey:read'
  /** Population analytics: chains, funnels, conversion, segments. */
  | 'analytics:read'
  | 'event:write'
  | 'user:write'
  | 'item:write'
  /** follow / unfollow / addFriend / removeFriend, from the user named first. */
  | 'social:write'
  /** A user's consent flags. */
  | 'consent:write'
  /** Everything stored about a user as one document (portability). */
  | 'user:export'
  | 'user:erase'
  | 'model:refresh'
  | 'keys:manage'
  /** A user's profile (features, churn and value scores); for a shopper only their own. */
  | 'profile:read'
  /** Users ranked by churn risk or value. */
  | 'profile:list'
  /** Saved segments, their members, the feature catalogue. */
  | 'segments:read'
  /** Defining and deleting rule segments, clustering. */
  | 'segments:write'
  /** Hot items and demand forecasts. */
  | 'demand:read'
  /** Reporting what a page or offer rendered (impressions). */
  | 'impressions:write'
  /** Experiments, their results, online metrics, model freshness. */
  | 'experiments:read'
  /** Creating and stopping experiments. */
  | 'experiments:write'
  /** Campaigns and their figures. */
  | 'campaigns:read'
  /** Creating and stopping campaigns. */
  | 'campaigns:write'
  /** The next-best offer for a user; for a shopper only their own. */
  | 'offers:read'
  /** A campaign's audience as a contact list (email / push export). */
  | 'audience:read'
  /** Running read-only Cypher (a file of the cypher/ library or an ad-hoc query) from the console. */
  | 'cypher:read';

/** `self`: allowed only when the user concerned is the shopper's own user. */
type Grant = 'all' | 'self';

const ANONYMOUS_GRANTS: Partial<Record<Permission, Grant>> = { 'recs:visitor': 'all' };

const ROLE_GRANTS: Readonly<Record<Role, Partial<Record<Permission, Grant>>>> = {
  shopper: {
    'catalog:read': 'all', 'recs:similar': 'all', 'recs:visitor': 'all',
    'user:read': 'self', 'recs:read': 'self', 'journey:read': 'self',
    'event:write': 'self', 'social:write': 'self', 'consent:write': 'self', 'user:export': 'self', 'profile:read': 'self',
    'impressions:write': 'self', 'offers:read': 'self',
  },
  service: {
    'catalog:read': 'all', 'recs:similar': 'all', 'recs:visitor': 'all', 'recs:read': 'all', 'user:read': 'all',
    'event:write': 'all', 'user:write': 'all', 'item:write': 'all', 'social:write': 'all', 'consent:write': 'all',
    'impressions:write': 'all', 'offers:read': 'all', 'audience:read': 'all',
  },
  analyst: {
    'catalog:read': 'all', 'recs:similar': 'all', 'recs:visitor': 'all', 'recs:read': 'all', 'user:read': 'all',
    'user:list': 'all', 'journey:read': 'all', 'analytics:read': 'all',
    'profile:read': 'all', 'profile:list': 'all', 'segments:read': 'all', 'segments:write': 'all', 'demand:read': 'all',
    'experiments:read': 'all', 'campaigns:read': 'all', 'offers:read': 'all', 'audience:read': 'all', 'cypher:read': 'all',
  },
  admin: {
    'catalog:read': 'all', 'recs:similar': 'all', 'recs:visitor': 'all', 'recs:read': 'all', 'user:read': 'all',
    'user:list': 'all', 'journey:read': 'all', 'analytics:read': 'all', 'event:write': 'all', 'user:write': 'all',
    'item:write': 'all', 'social:write': 'all', 'consent:write': 'all', 'user:export': 'all', 'user:erase': 'all',
    'model:refresh': 'all', 'keys:manage': 'all',
    'profile:read': 'all', 'profile:list': 'all', 'segments:read': 'all', 'segments:write': 'all', 'demand:read': 'all',
    'impressions:write': 'all', 'experiments:read': 'all', 'experiments:write': 'all', 'campaigns:read': 'all',
    'campaigns:write': 'all', 'offers:read': 'all', 'audience:read': 'all', 'cypher:read': 'all',
  },
};

function grantOf(p: Principal, permission: Permission): Grant | undefined {
  return p.role === 'anonymous' ? ANONYMOUS_GRANTS[permission] : ROLE_GRANTS[p.role][permission];
}

/** Whether `p` may do `permission` (about `userId`, for the permissions a shopper has only for themself). */
export function can(p: Principal, permission: Permission, userId?: UserId | null): boolean {
  const grant = grantOf(p, permission);
  if (grant === 'all') return true;
  if (grant === 'self') return p.role === 'shopper' && userId != null && p.userId === userId;
  return false;
}

/**
 * Throws UNAUTHENTICATED when an anonymous caller asks for more than a visitor may (a credential would
 * help), FORBIDDEN when an authenticated one lacks the permission (a credential would not).
 */
export function authorize(p: Principal, permission: Permission, userId?: UserId | null): void {
  if (can(p, permission, userId)) return;
  if (p.role === 'anonymous') throw unauthenticated(`authentication required to ${describe(permission)}`);
  const self = grantOf(p, permission) === 'self';
  throw forbidden(
    self ? `a ${p.role} may only ${describe(permission)} for their own user` : `the ${p.role} role may not ${describe(permission)}`,
    { permission },
  );
}

const DESCRIPTIONS: Readonly<Record<Permission, string>> = {
  'catalog:read': 'read the catalogue',
  'user:read': "read a user's record",
  'user:list': 'list users',
  'recs:read': 'read recommendations',
  'recs:similar': 'read similar items',
  'recs:visitor': 'read visitor recommendations',
  'journey:read': "read a user's journey",
  'analytics:read': 'run population analytics',
  'event:write': 'record events',
  'user:write': 'write users',
  'item:write': 'write items',
  'social:write': 'change social ties',
  'consent:write': 'change consent',
  'user:export': "export a user's data",
  'user:erase': 'erase users',
  'model:refresh': 'refresh the model',
  'keys:manage': 'manage API keys',
  'profile:read': "read a user's profile",
  'profile:list': 'rank customers',
  'segments:read': 'read segments',
  'segments:write': 'define segments',
  'demand:read': 'read demand signals',
  'impressions:write': 'record impressions',
  'experiments:read': 'read experiments',
  'experiments:write': 'manage experiments',
  'campaigns:read': 'read campaigns',
  'campaigns:write': 'manage campaigns',
  'offers:read': 'read offers',
  'audience:read': "read a campaign's audience",
  'cypher:read': 'run Cypher queries',
};

const describe = (permission: Permission): string => DESCRIPTIONS[permission];
