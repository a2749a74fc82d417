import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY, validatePolicy } from '@madoguchi/domain';
import { Client } from 'pg';
import { migrationsDir } from '../paths';

/**
 * The policy_lists_and_calendar and document_numbers migrations give stored policy versions the
 * fields the rules issue added, at the domain's defaults, and keep every value a version already had.
 */
/** The policy backfill of a migration, run against a temporary table of the same name. */
const backfillOf = (name: string) => {
  const migration = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
  return migration
    .slice(migration.indexOf('UPDATE "policy_versions"'))
    .replace(/"policy_versions"/g, 'policy_versions')
    .replace(/"policy"/g, 'policy');
};
const backfills = [
  '20261201020901_policy_lists_and_calendar',
  '20261201023331_document_numbers',
  '20261201033000_policy_resident_register',
  '20261201050409_mail_out_and_back',
  '20261201051934_ledgers_and_notices',
].map(backfillOf);

describe('the policy backfills of the rules issue', () => {
  it('brings an old version to the new shape with the defaults, keeping its own values', async () => {
    // The shape the versions had before: nine fields.
    const old = {
      legalRepresentativeAgeLimit: 18,
      selfSecondId: 'a_only',
      agentFirstVisitId: 'one_a_or_two_b',
      agentNeedsPowerOfAttorney: true,
      agentNeedsCannotAttendProof: false,
      replyDeadlineDays: 21,
      representationProofMaxAgeMonths: 6,
      nationalSystemCutoff: '19:30',
      minutesPerReset: 20,
    };
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('CREATE TEMP TABLE policy_versions (version int, policy jsonb)');
      await client.query('INSERT INTO policy_versions VALUES (1, $1), (2, $2)', [
        JSON.stringify(old),
        JSON.stringify({ ...old, repliesAtRegisteringOffice: false }),
      ]);
      for (const backfill of backfills) await client.query(backfill);
      const { rows } = await client.query<{ version: number; policy: unknown }>('SELECT version, policy FROM policy_versions ORDER BY version');
      expect(rows[0]!.policy).toEqual({ ...DEFAULT_POLICY, ...old });
      expect(rows[1]!.policy).toEqual({ ...DEFAULT_POLICY, ...old, repliesAtRegisteringOffice: false });
      // Complete: a version now passes the check a saved policy must pass.
      for (const row of rows) expect(validatePolicy(row.policy, { complete: true }).ok).toBe(true);
    } finally {
      await client.end();
    }
  });
});
