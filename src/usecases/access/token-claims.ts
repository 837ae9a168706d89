// The claims of a verified token (the JWT plugin checked signature, expiry, issuer and audience) -> the
// principal it stands for. A shopper's `sub` is their user id; other roles' `sub` names them in audits.
import { unauthenticated } from '../../domain/errors.ts';
import { asUserId } from '../../domain/ids.ts';
import { isRole, type Principal } from '../../domain/principal.ts';
import { idTextProblem } from '../../domain/id-text.ts';

export function principalFromClaims(claims: Readonly<Record<string, unknown>>, roleClaim: string): Principal {
  const role = claims[roleClaim];
  const sub = claims['sub'];
  if (typeof role !== 'string' || !isRole(role)) throw unauthenticated(`the token's '${roleClaim}' claim must be one of shopper, service, analyst, admin`);
  if (typeof sub !== 'string' || sub.trim() === '' || idTextProblem(sub) !== undefined) throw unauthenticated("the token needs a 'sub' claim (the user id for a shopper)");
  return role === 'shopper' ? { role, userId: asUserId(sub) } : { role, subject: sub };
}
