// Whole seconds since `startedAt` (a `performance.now()` reading), ticking while it is set: the visible
// sign that slow work (RSA key generation, a JWKS fetch against its 10 s timeout) is still going on.
import { useEffect, useState } from 'react';

export function useElapsedSeconds(startedAt: number | undefined): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (startedAt === undefined) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt === undefined ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
}
