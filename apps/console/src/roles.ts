import { ROLE_GROUP, type Role, type RoleGroup } from '@madoguchi/domain';
import { usePermissions } from 'react-admin';

/** Whether the logged-in role belongs to a role group of the domain (the same groups the API's guards use). */
export function useRoleIn(): (group: RoleGroup) => boolean {
  const { permissions } = usePermissions<Role>();
  return (group) => (ROLE_GROUP[group] as readonly string[]).includes(permissions ?? '');
}

export function useRole(): Role | undefined {
  return usePermissions<Role>().permissions;
}
