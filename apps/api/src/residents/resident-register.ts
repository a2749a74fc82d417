import type { ResidentQuery, ResidentView } from '@madoguchi/contract';

/**
 * 住民記録の照会: the port through which the counter asks the municipality's resident register
 * who a holder is, by kana name and birth date (never by individual number). The embedded
 * adapter reads the `residents` table a city imports; another adapter may ask the city's own
 * resident-record system. A register that cannot answer throws `resident_register_unavailable`.
 */
export interface ResidentRegister {
  /** Which adapter answered, as the case records it. */
  readonly source: 'embedded' | 'http';
  /** Every resident of the municipality with this kana name and birth date (none, one or several). */
  find(municipalityId: string, query: ResidentQuery): Promise<ResidentView[]>;
  /** One resident by the register's own id, or undefined. */
  get(municipalityId: string, residentId: string): Promise<ResidentView | undefined>;
}

export const RESIDENT_REGISTER = Symbol('ResidentRegister');

/** At most this many matches are answered: a kana name and a birth date rarely match more. */
export const MAX_RESIDENT_MATCHES = 20;
