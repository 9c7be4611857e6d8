// An error in one panel must not take the page (or the user's input, which lives in the store)
// with it. The boundary shows what broke and offers to reset that panel only.
import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { name: string; children: ReactNode; onReset?: () => void };
type State = { error: Error | undefined };

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for bug reports, with the component stack; no telemetry leaves the page.
    console.warn(`JWT Workbench: the ${this.props.name} panel failed`, error, info.componentStack ?? '');
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div
        role="alert"
        className="m-4 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <p className="font-semibold">The {this.props.name} panel hit a problem and was stopped.</p>
        <p className="mt-1">Your token and key are kept. {this.state.error.message}</p>
        <button
          type="button"
          className="btn-secondary mt-3"
          onClick={() => {
            this.props.onReset?.();
            this.setState({ error: undefined });
          }}
        >
          Reset the {this.props.name} panel
        </button>
      </div>
    );
  }
}
