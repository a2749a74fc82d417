import { useNotify } from 'react-admin';
import { messageOf } from './useAction';
import { useApi } from './useApi';

/**
 * Open a document the API serves (a letter's or a run's PDF, a ledger): fetched with the login,
 * shown in a new tab, or saved under `saveAs`; the API's reason (not made yet, deleted under the
 * retention rule) is shown when it cannot be had.
 */
export function useOpenDocument(): (path: string, saveAs?: string, onHeaders?: (headers: Headers) => void) => Promise<void> {
  const api = useApi();
  const notify = useNotify();
  return async (path, saveAs, onHeaders) => {
    try {
      const { url, headers } = await api.document(path);
      onHeaders?.(headers);
      if (!saveAs) {
        window.open(url, '_blank', 'noopener');
        return;
      }
      const link = document.createElement('a');
      link.href = url;
      link.download = saveAs;
      link.click();
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    }
  };
}
