#!/usr/bin/env node
/**
 * A city's first day on a new installation: its municipality, its policy (a preset or the default),
 * its first office and its first administrator, in one transaction. The administrator's password is
 * read from standard input, never from the command line (which `ps` shows to everyone). The
 * administrator then adds the staff and the other offices' hours in the console.
 *
 *   node packages/db/dist/cli/onboard.js --code 131083 --name 江東区 [--preset koto]
 *     --office HQ --office-name '江東区役所 区民課' --postal 135-8383 --address '…' --phone 03-3647-9111
 *     --admin admin --admin-name '管理 太郎'   < password-file
 */
import { parseArgs } from 'node:util';
import { passwordRefusals, POLICY_PRESETS } from '@madoguchi/domain';
import { onboardMunicipality } from '../onboarding';
import { asOwner, passwordFromStdin, runCommand } from './owner-command';

const OPTIONS = {
  code: { type: 'string' },
  name: { type: 'string' },
  preset: { type: 'string' },
  office: { type: 'string' },
  'office-name': { type: 'string' },
  postal: { type: 'string' },
  address: { type: 'string' },
  phone: { type: 'string' },
  admin: { type: 'string' },
  'admin-name': { type: 'string' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: string };

/** What is wrong with the arguments, one line each (nothing is written while any is). */
function problems(v: Values, password: string): string[] {
  const out: string[] = [];
  const need = (name: keyof Values, ok: (s: string) => boolean, what: string) => {
    const value = v[name];
    if (value === undefined || !ok(value)) out.push(`--${name}: ${what}`);
  };
  need('code', (s) => /^\d{6}$/.test(s), 'the municipality code, 6 digits (全国地方公共団体コード)');
  need('name', (s) => s.trim().length > 0 && s.length <= 100, 'the municipality name');
  if (v.preset !== undefined && !POLICY_PRESETS.some((p) => p.id === v.preset))
    out.push(`--preset: one of ${POLICY_PRESETS.map((p) => p.id).join(', ')} (or none for the default policy)`);
  need('office', (s) => /^[A-Z0-9]{1,8}$/.test(s), 'the office code printed in receipt numbers: capital letters and digits, up to 8');
  need('office-name', (s) => s.trim().length > 0 && s.length <= 100, 'the office name');
  need('postal', (s) => /^\d{3}-\d{4}$/.test(s), 'the office postal code, e.g. 135-8383');
  need('address', (s) => s.trim().length > 0 && s.length <= 200, 'the office address (printed on letters)');
  need('phone', (s) => /^[\d-]{10,13}$/.test(s), 'the office phone number (printed on letters)');
  need('admin', (s) => /^[a-z0-9_.-]{3,64}$/.test(s), "the administrator's username: a-z, 0-9, _ . -, 3 to 64");
  need('admin-name', (s) => s.trim().length > 0 && s.length <= 100, "the administrator's name as staff see it");
  if (password.length < 12 || password.length > 128) out.push('password (standard input): 12 to 128 characters');
  for (const r of passwordRefusals(password, v.admin)) out.push(`password (standard input): ${r.message}`);
  return out;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: OPTIONS, strict: true });
  const password = await passwordFromStdin();
  const wrong = problems(values, password);
  if (wrong.length) {
    for (const line of wrong) console.error(line);
    console.error('Nothing was created.');
    return 2;
  }
  const v = values as Required<Values>;
  // The platform's own tool, run on the server as the tables' owner (as the migrations are).
  return asOwner(async (db) => {
    // Office codes and usernames are each municipality's own: only its code can be taken.
    if (await db.municipality.findUnique({ where: { code: v.code }, select: { id: true } })) {
      console.error(`Already taken: municipality ${v.code}. Nothing was created.`);
      return 1;
    }
    await onboardMunicipality(
      db,
      {
        code: v.code,
        name: v.name,
        preset: v.preset,
        office: { code: v.office, name: v['office-name'], postalCode: v.postal, address: v.address, phone: v.phone },
        admin: { username: v.admin, displayName: v['admin-name'], password },
      },
      null,
    );
    console.log(`${v.name} (${v.code}): office ${v.office} and administrator ${v.admin} created; log in to the console to add the staff.`);
    return 0;
  });
}

runCommand(main);
