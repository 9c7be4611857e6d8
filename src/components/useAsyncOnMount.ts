// Asking the browser once what it supports (WebCrypto algorithms, curves) is async; a panel that unmounts before
// the answer must not set state afterwards.
import { useEffect, useState } from 'react';

/** Runs `load` once when the component mounts; its answer, or undefined until it arrives. */
export function useAsyncOnMount<T>(load: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (live) setValue(() => result);
    });
    return () => {
      live = false;
    };
    // Asked once per mount, as the browser's answer does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}
