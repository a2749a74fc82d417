import { mayTake, type Action, type Role } from '@madoguchi/domain';
import { usePermissions } from 'react-admin';

/** Whether the logged-in role may take an action (the domain's ACTION_ACCESS, the same line the API's guard reads). */
export function useMayTake(): (action: Action) => boolean {
  const { permissions } = usePermissions<Role>();
  return (action) => mayTake(permissions, action);
}

export function useRole(): Role | undefined {
  return usePermissions<Role>().permissions;
}
