import type { Principal } from '../../domain/principal.ts';
import { authorize } from '../access/permissions.ts';
import type { RefreshScheduler, RefreshStatus } from './refresh-scheduler.ts';

/** Age and fit time of the served models and the refresh schedule (the scheduler's view, read from memory). */
export function modelFreshness(p: Principal, scheduler: RefreshScheduler): RefreshStatus {
  authorize(p, 'experiments:read');
  return scheduler.status();
}
