import { useNotify, useRefresh } from 'react-admin';

/** What to show for a failed call: the API's Japanese message, or what the browser said. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Run one of the API's actions from a button: say it worked, or show the API's own message, and
 * refresh what the screen shows either way. Answers whether it worked.
 */
export function useAction(): (work: () => Promise<unknown>, done: string, messageArgs?: Record<string, unknown>) => Promise<boolean> {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (work, done, messageArgs) => {
    try {
      await work();
      notify(done, { type: 'success', messageArgs });
      return true;
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
      return false;
    } finally {
      refresh();
    }
  };
}
