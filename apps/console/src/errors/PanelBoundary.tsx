import { Alert, Button } from '@mui/material';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface State {
  error?: Error;
}

class Boundary extends Component<{ children: ReactNode; fallback: (error: Error, retry: () => void) => ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('a panel failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, () => this.setState({ error: undefined })) : this.props.children;
  }
}

/**
 * One part of a screen that may fail on its own: what it shows is replaced by a note saying what
 * failed, and the rest of the screen — the form a clerk has half filled in — stays as it is.
 */
export function PanelBoundary({ name, children }: { name: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Boundary
      fallback={(error, retry) => (
        <Alert
          severity="error"
          data-testid={`panel-failed-${name}`}
          action={
            <Button color="inherit" size="small" onClick={retry}>
              {translate('madoguchi.panel.retry')}
            </Button>
          }
        >
          {translate('madoguchi.panel.failed', { panel: translate(`madoguchi.panel.names.${name}`), error: error.message })}
        </Alert>
      )}
    >
      {children}
    </Boundary>
  );
}
