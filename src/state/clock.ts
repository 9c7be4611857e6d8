// The clock the verdicts use: the current time (ticking, useNow) or the "as of" time the user chose, with the
// leeway and the maximum age for iat. One object per setting, so memoised verdicts recompute only when it moves.
import { useMemo } from 'react';
import type { VerifyOptions } from '../core/types';
import type { ClockSettings } from './appState';
import { useAppState } from './store';
import { useNow } from './useNow';

export type VerdictClock = {
  /** Milliseconds since the epoch the verdicts are judged at. */
  now: number;
  /** Whether `now` is a chosen time rather than the current one. */
  fixed: boolean;
  /** The same clock as the core's VerifyOptions. */
  options: VerifyOptions;
};

/** The VerifyOptions for a clock setting at `now` (the current time when no "as of" time is set). */
export function clockOptions(clock: ClockSettings, now: number): VerifyOptions {
  return {
    now: clock.asOf ?? now,
    leewaySeconds: clock.leewaySeconds,
    ...(clock.maxAgeSeconds !== undefined ? { maxAgeSeconds: clock.maxAgeSeconds } : {}),
  };
}

export function useVerdictClock(): VerdictClock {
  const settings = useAppState((s) => s.clock);
  const ticking = useNow();
  const now = settings.asOf ?? ticking;
  return useMemo(
    () => ({ now, fixed: settings.asOf !== undefined, options: clockOptions(settings, now) }),
    [settings, now],
  );
}
