// The sentence an experiment's reader needs: does the variant win, lose, or is it too early? Read from the
// always-valid (mSPRT) interval, which stays valid however often it is looked at; the fixed-horizon test is
// reported beside it but is only valid once, at the planned size.

export interface LiftLike {
  readonly difference: number;
  readonly sequentialLower: number;
  readonly sequentialUpper: number;
  readonly sequentialPValue: number;
  readonly sequentialSignificant: boolean;
}

export type Verdict = { readonly kind: 'wins' | 'loses' | 'undecided' | 'no-data'; readonly text: string };

export function verdictOf(variant: string, lift: LiftLike | null, srmMismatch: boolean): Verdict {
  if (srmMismatch) return { kind: 'no-data', text: `${variant}: sample ratio mismatch, results not trustworthy` };
  if (lift === null) return { kind: 'no-data', text: `${variant}: no lift yet (an empty arm or no variance)` };
  const p = lift.sequentialPValue < 0.001 ? '< 0.001' : lift.sequentialPValue.toFixed(3);
  if (!lift.sequentialSignificant) return { kind: 'undecided', text: `${variant}: no decision yet, keep running (always-valid p ${p})` };
  return lift.difference > 0
    ? { kind: 'wins', text: `${variant} beats the control (always-valid p ${p})` }
    : { kind: 'loses', text: `${variant} is worse than the control (always-valid p ${p})` };
}
