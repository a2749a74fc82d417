import { useOffices } from '../municipality';

/** The municipality's offices as react-admin choices. */
export function useOfficeChoices() {
  const { data = [] } = useOffices();
  return data.map((o) => ({ id: o.id, name: o.name }));
}
