// The decoder's warnings about a part, listed under its editor (`jwe-warnings`, `jws-warnings`).

/** Nothing when there are no warnings; each with a warning sign, never colour alone. */
export function WarningList({ testId, warnings }: { testId: string; warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul data-testid={testId} className="mt-2 space-y-1 text-sm text-amber-900 dark:text-amber-200">
      {warnings.map((warning, index) => (
        <li key={index}>
          <span aria-hidden="true">⚠ </span>
          {warning}
        </li>
      ))}
    </ul>
  );
}
