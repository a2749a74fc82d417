import { useDataProvider } from 'react-admin';
import type { MadoguchiDataProvider } from './dataProvider';

/** The data provider with the API's own actions (transitions, print runs, the reply desk...). */
export function useApi(): MadoguchiDataProvider {
  return useDataProvider<MadoguchiDataProvider>();
}
