// bench/lists/registration-write.mjs: a registration's database work three ways, turn about, in one
// process on one connection (as the application's role, in the demo clerk's municipality), on the
// database bench/lists/seed.mjs made — what the API's process and PostgreSQL each spend on it:
//   through Prisma   the write by Prisma's `$queryRaw`, then the new case's page (the code before 2026-12-02, late night)
//   behind, parsed   the write sent in front of the page in one round trip, parsed and planned each time
//   behind, kept     the same, the write kept prepared by the connection (the API now)
// Each registration is written and committed (it adds cases: measure the lists first).
//   node bench/lists/registration-write.mjs [registrations a turn, default 300] [turns, default 6]
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMs } from '../proc.mjs';
import { agentCase } from './registrations.mjs';
import { median } from '../stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const db$ = { ...require(`${root}/packages/db/dist/index.js`), ...require(`${root}/packages/db/dist/tools.js`) };
const { registrationStatement } = require(`${root}/apps/api/dist/cases/registration-statement.js`);
const { readCaseView } = require(`${root}/apps/api/dist/cases/case-view.js`);
const { outboxRow, renderInquiryLetter } = require(`${root}/packages/jobs/dist/index.js`);
const { Prisma, readRows, inMunicipality, keptPrepared } = db$;
const { nameSearchKey } = require(`${root}/packages/domain/dist/index.js`);

const PER_TURN = Number(process.argv[2] ?? 300);
const TURNS = Number(process.argv[3] ?? 6);
const url = db$.withDatabase((await db$.resolveDatabaseUrl()).url, 'madoguchi_bench_lists');
await db$.ensureLocalAppRole(url);
const owner = db$.createDatabaseClient(url, { poolSize: 1 });
const [clerk] = await readRows(
  owner,
  Prisma.sql`SELECT o.id::text AS "officeId", o.code AS "officeCode", o.municipality_id::text AS "municipalityId", s.id::text AS "staffId",
    (SELECT array_agg(id::text) FROM offices WHERE municipality_id = o.municipality_id) AS "municipalityOfficeIds",
    v.id::text AS "policyVersionId", v.version
  FROM staff_users s JOIN offices o ON o.id = s.office_id
  JOIN LATERAL (SELECT id, version FROM policy_versions WHERE municipality_id = o.municipality_id ORDER BY version DESC LIMIT 1) v ON true
  WHERE s.username = 'clerk' LIMIT 1`,
);
await owner.$disconnect();
// One connection, kept between statements: its PostgreSQL process is the one measured.
const db = db$.createDatabaseClient(db$.appRoleUrl(url), { poolSize: 1 });
const inCity = (work) => inMunicipality(clerk.municipalityId, work);
const [{ pid }] = await inCity(() => readRows(db, Prisma.sql`SELECT pg_backend_pid() AS pid`));

/** A party as the service writes it from a registration's body (case-registration.service.ts, decide). */
const party = (role, kind, p, holder) => ({
  role,
  kind,
  familyName: p.familyName,
  givenName: p.givenName,
  familyNameKana: p.familyNameKana,
  givenNameKana: p.givenNameKana,
  searchName: nameSearchKey(p.familyName + p.givenName),
  birthDate: p.birthDate ?? null,
  postalCode: p.postalCode ?? null,
  address: p.address ?? null,
  adultWard: holder ? (p.adultWard ?? null) : null,
  hasSignatureCertificate: holder ? (p.hasSignatureCertificate ?? null) : null,
  hasUserAuthCertificate: holder ? (p.hasUserAuthCertificate ?? true) : null,
  signatureCertificateExpiresOn: null,
  userAuthCertificateExpiresOn: null,
  basicInfoChanged: holder ? (p.basicInfoChanged ?? false) : null,
});

/** An agent's registration as the service decides it (bench/lists/registrations.mjs's agentCase). */
function agentRegistration() {
  const letterId = randomUUID();
  return {
    caseId: randomUUID(),
    office: { id: clerk.officeId, code: clerk.officeCode },
    year: Number(new Date().toISOString().slice(0, 4)),
    route: agentCase.route,
    reason: agentCase.reason,
    pins: agentCase.pins,
    note: null,
    policy: { versionId: clerk.policyVersionId, version: clerk.version },
    staffId: clerk.staffId,
    parties: [party('holder', null, agentCase.holder, true), party('representative', agentCase.representative.kind, agentCase.representative, false)],
    documents: agentCase.documents,
    historyDetails: { attested: agentCase.attested },
    letter: {
      id: letterId,
      inquiryNumber: `BENCH-${randomUUID().slice(0, 13)}`,
      outbox: outboxRow(renderInquiryLetter, { letterId }, { municipalityId: clerk.municipalityId, id: clerk.staffId }),
    },
  };
}

/** The statement without its keptPrepared mark: parsed and planned each time it runs. */
const unmarked = (statement) =>
  new Prisma.Sql([statement.strings[0].replace(keptPrepared('registration'), ''), ...statement.strings.slice(1)], statement.values);

const ways = {
  'through Prisma': async (r) => {
    const [written] = await db.$queryRaw(unmarked(registrationStatement(r)));
    return written.cases === 1 && readCaseView(db, clerk, r.caseId);
  },
  'behind, parsed': (r) => readCaseView(db, clerk, r.caseId, unmarked(registrationStatement(r))),
  'behind, kept': (r) => readCaseView(db, clerk, r.caseId, registrationStatement(r)),
};

const figures = Object.fromEntries(Object.keys(ways).map((way) => [way, []]));
for (let turn = 0; turn < TURNS; turn++) {
  const order = turn % 2 ? Object.keys(ways).reverse() : Object.keys(ways);
  for (const way of order) {
    const before = { api: process.cpuUsage(), pg: cpuMs(pid), at: performance.now() };
    await inCity(async () => {
      for (let i = 0; i < PER_TURN; i++) if (!(await ways[way](agentRegistration()))) throw new Error(`${way}: not written`);
    });
    const api = process.cpuUsage(before.api);
    figures[way].push({
      api: (api.user + api.system) / 1000 / PER_TURN,
      pg: (cpuMs(pid) - before.pg) / PER_TURN,
      ms: (performance.now() - before.at) / PER_TURN,
    });
  }
}
await db.$disconnect();

console.log(`${TURNS} turns of ${PER_TURN} agent registrations, one connection; medians (and the range) a registration\n`);
console.log('| way | this process ms CPU | PostgreSQL ms CPU | ms each, one after another |');
console.log('|---|---|---|---|');
for (const [way, turns] of Object.entries(figures)) {
  const cell = (key) => {
    const values = turns.map((t) => t[key]);
    return `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;
  };
  console.log(`| ${way} | ${cell('api')} | ${cell('pg')} | ${cell('ms')} |`);
}
