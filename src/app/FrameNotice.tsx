// What the app shows, alone, when it runs inside a frame (src/app/frameGuard.ts): never the key box.
import { ownTabUrl } from './frameGuard';

export function FrameNotice() {
  return (
    <main
      data-testid="frame-notice"
      className="flex h-full flex-col items-center justify-center gap-3 p-6 text-center text-sm"
    >
      <h1 className="text-base font-semibold">JWT Workbench does not run inside another page</h1>
      <p className="max-w-md">
        Keys and tokens typed into a framed page could be read or redirected by the page around it, so the workbench
        only opens in its own tab.
      </p>
      <a
        className="font-medium text-sky-800 underline dark:text-sky-300"
        href={ownTabUrl()}
        target="_blank"
        rel="noopener"
      >
        Open JWT Workbench in a new tab
      </a>
    </main>
  );
}
