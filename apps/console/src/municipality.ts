import type { OfficeView, PolicyView } from '@madoguchi/contract';
import type { MunicipalityPolicy } from '@madoguchi/domain';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './useApi';

export type { OfficeView, PolicyView };

/** Every version of the municipality's policy, newest first (`GET /api/policy`). */
export function usePolicies() {
  const api = useApi();
  return useQuery({ queryKey: ['policy'], queryFn: () => api.policies(), staleTime: 60_000 });
}

/** The policy a case is decided under: its version, or the newest for a new case. */
export function usePolicy(version?: number): MunicipalityPolicy | undefined {
  const { data } = usePolicies();
  return (version === undefined ? data?.[0] : data?.find((p) => p.version === version))?.policy;
}

export function useOffices() {
  const api = useApi();
  return useQuery({ queryKey: ['offices'], queryFn: () => api.offices(), staleTime: 60_000 });
}
