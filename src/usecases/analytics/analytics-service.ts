// The analytics use cases behind the GraphQL fields: each parses its arguments once (coded errors naming
// the field), makes the store call(s) and applies the pure markov/stats functions. Results carry internal
// state names ('view', 'START', ...); the GraphQL State enum maps them to VIEW, START, ...
import type { AnalyticsStore, ConversionBreakdown } from '../../storage/analytics-store.ts';
import { analyseAbsorption, toAbsorptionView, type AbsorptionView } from './absorption.ts';
import {
  DEFAULT_GAP_MINUTES, asOfFor, parseChainOptions, parseDurationMs, parseInstant, parseScope, parseWindow,
  type ChainOptionsArgs, type SegmentArgs, type WindowArgs,
} from './analytics-input.ts';
import { conversionRateFor, type ConversionRateView } from './conversion-rate.ts';
import { DEFAULT_COUNTING_PATHS, emptyPopulation, funnelCountsFor, type CountingPaths } from './counting-paths.ts';
import { toFunnelView, type FunnelView } from './funnel.ts';
import { buildJourney, type JourneyView } from './journey.ts';
import { NextStateForecaster, type NextStateView } from './next-state.ts';
import { checkPath, pathProbability, type SequenceProbabilityView } from './sequence-probability.ts';
import { behaviourState } from './state-names.ts';
import { estimateScope, toMatrixView, type TransitionMatrixView } from './transition-matrix.ts';
import { invalidInput, notFound } from '../../domain/errors.ts';
import type { Principal } from '../../domain/principal.ts';
import { authorize } from '../access/permissions.ts';
import type { Purpose } from '../../domain/consent.ts';
import type { ItemId, UserId } from '../../domain/ids.ts';
import type { WriteObserver } from '../live/write-observer.ts';
import { LiveEventLogs, type LiveEventLogsOptions } from './live-event-logs.ts';
import type { PrivacyObserver } from '../privacy/privacy-observer.ts';
import { PLAIN_USER_IDS, type UserIdCodec } from '../privacy/user-id-codec.ts';

export interface ScopeArgs {
  readonly segment?: SegmentArgs | null;
  readonly window?: WindowArgs | null;
  readonly options?: ChainOptionsArgs | null;
}

export interface AnalyticsServiceOptions {
  readonly now: () => number;
  /** Which counting path each query uses; default DEFAULT_COUNTING_PATHS (the benchmark's faster ones). */
  readonly paths?: Partial<CountingPaths>;
  /** How client user ids map to stored ids (pseudonymisation); default: as sent. */
  readonly userIds?: UserIdCodec;
  /** Whether a saved segment exists (SegmentInput.segmentId naming none is NOT_FOUND, not an empty population). */
  readonly segmentExists?: (id: string) => Promise<boolean>;
  /** How the in-memory logs bound attribute writes they were not told about (live-event-logs.ts). */
  readonly logs?: LiveEventLogsOptions;
}

export const DEFAULT_CONVERSION_WINDOW_HOURS = 72;
const MAX_FUNNEL_STEPS = 20;

export class AnalyticsService implements PrivacyObserver, WriteObserver {
  private readonly now: () => number;
  private readonly ids: UserIdCodec;
  private paths: CountingPaths;
  private readonly forecaster: NextStateForecaster;
  private readonly segmentExists: (id: string) => Promise<boolean>;
  /** Every user's events in memory, kept current (the 'memory' counting path). */
  readonly logs: LiveEventLogs;

  constructor(private readonly store: AnalyticsStore, options: AnalyticsServiceOptions) {
    this.segmentExists = options.segmentExists ?? (async () => true);
    this.now = options.now;
    this.ids = options.userIds ?? PLAIN_USER_IDS;
    this.paths = { ...DEFAULT_COUNTING_PATHS, ...options.paths };
    this.logs = new LiveEventLogs(store, options.logs);
    this.forecaster = new NextStateForecaster(store, this.now, () => this.paths.transitions, this.logs);
  }

  /** Switches counting paths (tests and the benchmark compare both on the same service). */
  usePaths(paths: Partial<CountingPaths>): void {
    this.paths = { ...this.paths, ...paths };
  }

  async transitionMatrix(p: Principal, args: ScopeArgs): Promise<TransitionMatrixView> {
    authorize(p, 'analytics:read');
    const scope = parseScope(await this.segmentArgs(args.segment), args.window);
    return toMatrixView(await estimateScope(this.store, scope, parseChainOptions(args.options), this.now(), this.paths.transitions, this.logs));
  }

  async sequenceProbability(p: Principal, args: ScopeArgs & { readonly states: readonly string[] }): Promise<SequenceProbabilityView> {
    authorize(p, 'analytics:read');
    checkPath(args.states);
    const scope = parseScope(await this.segmentArgs(args.segment), args.window);
    const { chain } = await estimateScope(this.store, scope, parseChainOptions(args.options), this.now(), this.paths.transitions, this.logs);
    return pathProbability(chain, args.states);
  }

  async absorption(p: Principal, args: ScopeArgs): Promise<AbsorptionView> {
    authorize(p, 'analytics:read');
    const scope = parseScope(await this.segmentArgs(args.segment), args.window);
    const { chain } = await estimateScope(this.store, scope, parseChainOptions(args.options), this.now(), this.paths.transitions, this.logs);
    return toAbsorptionView(analyseAbsorption(chain));
  }

  async nextState(p: Principal, args: { readonly userId: string; readonly steps?: number | null; readonly asOf?: string | null }): Promise<NextStateView> {
    const userId = this.ids.map(args.userId);
    authorize(p, 'journey:read', userId);
    return this.forecaster.forecast(userId, args.steps ?? 1, parseInstant(args.asOf, 'asOf'));
  }

  async conversionRate(p: Principal, args: {
    readonly action: string;
    readonly segment?: SegmentArgs | null;
    readonly window?: WindowArgs | null;
    readonly breakdown?: ConversionBreakdown | null;
  }): Promise<ConversionRateView> {
    authorize(p, 'analytics:read');
    const action = behaviourState(args.action, 'action');
    return conversionRateFor(this.store, parseScope(await this.segmentArgs(args.segment), args.window), action, args.breakdown ?? null, this.paths.conversion, this.logs);
  }

  async funnel(p: Principal, args: {
    readonly steps: readonly string[];
    readonly segment?: SegmentArgs | null;
    readonly window?: WindowArgs | null;
    readonly conversionWindowHours?: number | null;
  }): Promise<FunnelView> {
    authorize(p, 'analytics:read');
    if (args.steps.length === 0 || args.steps.length > MAX_FUNNEL_STEPS) {
      throw invalidInput(`a funnel needs 1..${MAX_FUNNEL_STEPS} steps`, { field: 'steps' });
    }
    const steps = args.steps.map((s, k) => behaviourState(s, `steps[${k}]`));
    const windowMs = parseDurationMs(args.conversionWindowHours ?? DEFAULT_CONVERSION_WINDOW_HOURS, 3_600_000, 'conversionWindowHours');
    const scope = parseScope(await this.segmentArgs(args.segment), args.window);
    const counts = await funnelCountsFor(this.store, scope, steps, windowMs, this.paths.funnel, this.logs);
    if (counts.totalUsers === 0) throw emptyPopulation();
    return toFunnelView(counts);
  }

  async journey(p: Principal, args: { readonly userId: string; readonly window?: WindowArgs | null }): Promise<JourneyView> {
    const userId = this.ids.map(args.userId);
    authorize(p, 'journey:read', userId);
    const window = parseWindow(args.window);
    const gapMs = DEFAULT_GAP_MINUTES * 60_000;
    const events = await this.store.journey(userId, window, gapMs);
    if (events === null) throw notFound('user', args.userId);
    return buildJourney(userId, events, asOfFor(window, this.now()), gapMs);
  }

  // PrivacyObserver: the whole-shop chain behind nextState is cached until the next event; a user leaving
  // (refusing analytics, or erased) must leave it now, and the in-memory population re-reads their consent.
  consentChanged(userId: UserId, purposes: readonly Purpose[]): void {
    if (!purposes.includes('analytics')) return;
    this.forecaster.forget();
    this.logs.userChanged(userId);
  }

  userErased(userId: UserId): void {
    this.forecaster.forget();
    this.logs.userErased(userId);
  }

  /** Forgets the fitted forecasts and the in-memory event logs (both read again on next use). */
  dropDerived(): void {
    this.forecaster.forget();
    this.logs.reset();
  }

  // WriteObserver: a recorded interaction (late or not) re-reads only its user's log before the next answer.
  interactionRecorded(userId: UserId, _itemId: ItemId): void {
    this.logs.userChanged(userId);
  }

  /** A friendship (or follow) changed: hasFriendWhoPurchased re-reads both users' ties before its next answer. */
  usersLinked(a: UserId, b: UserId): void {
    this.logs.friends.usersLinked(a, b);
  }

  /**
   * The user's attributes (and consent flags given with them) were written: the in-memory population re-reads
   * them before the next answer. Consent flags given with an upsert are reported here, not to the PrivacyObserver,
   * so an analytics flag drops the nextState chain here too.
   */
  userUpserted(userId: UserId, consent: readonly Purpose[] = []): void {
    this.logs.userChanged(userId);
    if (consent.includes('analytics')) this.forecaster.forget();
  }

  /** Categories are read per query (category-items.cypher): nothing held here goes stale. */
  itemUpserted(): void {}

  /** The segment as stored: user ids mapped (pseudonyms when configured), a saved segment checked to exist. */
  private async segmentArgs(segment: SegmentArgs | null | undefined): Promise<SegmentArgs | null | undefined> {
    const saved = segment?.segmentId;
    if (saved != null && !(await this.segmentExists(saved))) throw notFound('Segment', saved);
    return this.segmentIds(segment);
  }

  /** Segment user ids as stored (pseudonyms when configured). */
  private segmentIds(segment: SegmentArgs | null | undefined): SegmentArgs | null | undefined {
    const ids = segment?.userIds;
    return ids == null || segment == null ? segment : { ...segment, userIds: ids.map((id) => this.ids.map(id)) };
  }
}
