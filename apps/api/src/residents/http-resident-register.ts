import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import type { ResidentQuery, ResidentView } from '@madoguchi/contract';
import { residentRecordSchema } from '@madoguchi/contract/schemas';
import { z } from 'zod';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import { refused } from '../errors/refused';
import { MAX_RESIDENT_MATCHES, type ResidentRegister } from './resident-register';

const answerOne = residentRecordSchema;
const answerMany = z.array(residentRecordSchema).max(MAX_RESIDENT_MATCHES * 10);

/**
 * The resident register of a city's own resident-record system, over HTTP (docs/resident-register.md).
 * A timeout, a network error, a 5xx or an answer that is not the documented shape is
 * `resident_register_unavailable` (503): the clerk can retry, and nothing has been registered.
 */
@Injectable()
export class HttpResidentRegister implements ResidentRegister {
  readonly source = 'http' as const;
  private readonly base: string;
  private readonly logger = new Logger(HttpResidentRegister.name);

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(DATABASE) private readonly db: Database,
  ) {
    this.base = config.RESIDENT_REGISTER_URL!.replace(/\/+$/, '');
  }

  async find(municipalityId: string, query: ResidentQuery): Promise<ResidentView[]> {
    const code = await this.municipalityCode(municipalityId);
    const answer = await this.ask(`/residents?${new URLSearchParams({ municipality: code, ...query }).toString()}`);
    const read = answerMany.safeParse(answer);
    if (!read.success) throw refused('resident_register_unavailable');
    return read.data.slice(0, MAX_RESIDENT_MATCHES);
  }

  async get(municipalityId: string, residentId: string): Promise<ResidentView | undefined> {
    const code = await this.municipalityCode(municipalityId);
    const answer = await this.ask(`/residents/${encodeURIComponent(residentId)}?${new URLSearchParams({ municipality: code }).toString()}`);
    if (answer === undefined) return undefined;
    const read = answerOne.safeParse(answer);
    if (!read.success || read.data.residentId !== residentId) throw refused('resident_register_unavailable');
    return read.data;
  }

  /** GET a path of the register: its JSON, undefined for 404, `resident_register_unavailable` for anything else. */
  private async ask(path: string): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.config.RESIDENT_REGISTER_TOKEN) headers.authorization = `Bearer ${this.config.RESIDENT_REGISTER_TOKEN}`;
    try {
      const res = await fetch(`${this.base}${path}`, { headers, signal: AbortSignal.timeout(this.config.RESIDENT_REGISTER_TIMEOUT_MS) });
      if (res.status === 404) return undefined;
      if (!res.ok) throw new Error(`the resident register answered ${res.status}`);
      return (await res.json()) as unknown;
    } catch (error) {
      // The why stays in the log (never the query: it names a person); the clerk is told to retry.
      this.logger.warn(`the resident register did not answer: ${error instanceof Error ? error.message : String(error)}`);
      throw refused('resident_register_unavailable');
    }
  }

  private async municipalityCode(municipalityId: string): Promise<string> {
    return (await this.db.municipality.findUniqueOrThrow({ where: { id: municipalityId }, select: { code: true } })).code;
  }
}
