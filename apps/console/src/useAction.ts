import type { ApiErrorDetail } from '@madoguchi/contract';
import { HttpError, useNotify, useRefresh } from 'react-admin';

/** What to show for a failed call: the API's message (in the console's language), or what the browser said. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The fields an API refusal names, by path: `{ 'replyDeadlineDays': '7 から 90 まで…' }`. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const details = error instanceof HttpError ? ((error.body as { details?: ApiErrorDetail[] } | undefined)?.details ?? []) : [];
  return Object.fromEntries(details.filter((d) => d.path).map((d) => [d.path, d.message]));
}

/**
 * Run one of the API's actions from a button: say it worked, or show the API's own message (and
 * hand the refused fields to `onRefused`, for the form to mark them), and refresh what the screen
 * shows either way. Answers whether it worked.
 */
export function useAction(): (
  work: () => Promise<unknown>,
  done: string,
  options?: { messageArgs?: Record<string, unknown>; onRefused?: (fields: Record<string, string>) => void },
) => Promise<boolean> {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (work, done, options = {}) => {
    try {
      await work();
      notify(done, { type: 'success', messageArgs: options.messageArgs });
      return true;
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
      options.onRefused?.(fieldErrorsOf(error));
      return false;
    } finally {
      refresh();
    }
  };
}
