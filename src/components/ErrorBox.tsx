// A red box with role="alert" for what could not be done at all (a token that cannot be read, a token not
// signed): a cross and a title in words, then the reason. Each use keeps its own test id and `data-code`.
import type { ReactNode } from 'react';

export function ErrorBox({
  testId,
  code,
  title,
  children,
}: {
  testId: string;
  code: string | undefined;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      data-testid={testId}
      data-code={code}
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">
        <span aria-hidden="true">✕ </span>
        {title}
      </p>
      {children}
    </div>
  );
}
