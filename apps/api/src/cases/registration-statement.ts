import { randomUUID } from 'node:crypto';
import { keptPrepared, Prisma } from '@madoguchi/db';
import { RECEIPT_SEQUENCE_DIGITS, receiptNumberPrefix, type Application } from '@madoguchi/domain';
import type { PresentedDocumentRequest } from '@madoguchi/contract/schemas';
import type { outboxRow } from '@madoguchi/jobs';

/** A party as a registration writes it; what a route does not record is null. */
export interface NewParty {
  role: 'holder' | 'representative';
  kind: string | null;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  searchName: string;
  birthDate: string | null;
  postalCode: string | null;
  address: string | null;
  adultWard: boolean | null;
  hasSignatureCertificate: boolean | null;
  hasUserAuthCertificate: boolean | null;
  signatureCertificateExpiresOn: string | null;
  userAuthCertificateExpiresOn: string | null;
  basicInfoChanged: boolean | null;
}

/** Everything a registration writes, decided before anything is written. */
export interface NewRegistration {
  caseId: string;
  office: { id: string; code: string };
  /** The year of the receipt number (Japan's calendar year of the registration). */
  year: number;
  route: Application['route'];
  reason: Application['reason'];
  pins: Application['pins'];
  note: string | null;
  /** The policy the registration was decided under: written only while it is the newest version. */
  policy: { versionId: string; version: number };
  staffId: string;
  parties: readonly NewParty[];
  documents: readonly PresentedDocumentRequest[];
  historyDetails: object | null;
  /** The agent route's letter and the outbox row of its rendering job. */
  letter?: { inquiryNumber: string; id: string; outbox: ReturnType<typeof outboxRow> };
  idempotency?: { keyHash: string; requestHash: string };
}

/**
 * Kept prepared by each connection, once for each shape (its count of parties and documents, a
 * letter or not, a key or not): parsing and planning it took half of PostgreSQL's 2.8 ms for it.
 */
const REGISTRATION_KEPT = Prisma.raw(keptPrepared('registration'));

const rows = (values: readonly Prisma.Sql[]) => Prisma.join(values.map((v) => Prisma.sql`(${v})`));

/**
 * 受付 in one statement, so a registration costs one round trip whatever it holds: the office's
 * next receipt number, the case, its parties, documents and first history entry, on the agent
 * route its letter and the letter's outbox row, and the Idempotency-Key. One statement is one
 * transaction: all of it is written or none (a failed registration takes no receipt number). The
 * service sends it in front of the new case's page (readCaseView's `behind`): the write and the page
 * in one round trip.
 *
 * The office's receipt number is taken last. Its row is locked from then until the transaction
 * commits, and every registration at the office waits for it: everything that does not need the
 * number — the parties, documents, history, letter, outbox row and key, which name the case by the
 * id decided here — is written first (`writtenFirst`, which the receipt's row waits for), and only the
 * case itself under the lock. The foreign keys to the case are checked at the end of the statement,
 * when it is there; each row's municipality is the scope's (the column's default), not its case's.
 *
 * Nothing is written when the municipality has a newer policy than the one the registration was
 * decided under (`decided`): the case is then not there to be read, and the caller decides again
 * under the newer one.
 */
export function registrationStatement(r: NewRegistration): Prisma.Sql {
  const parties = rows(
    r.parties.map(
      (p) => Prisma.sql`${randomUUID()}::uuid, ${p.role}::"PartyRole", ${p.kind}::"RepresentativeKind", ${p.familyName}, ${p.givenName},
        ${p.familyNameKana}, ${p.givenNameKana}, ${p.searchName}, ${p.birthDate}::date, ${p.postalCode}, ${p.address},
        ${p.adultWard}::boolean, ${p.hasSignatureCertificate}::boolean, ${p.hasUserAuthCertificate}::boolean,
        ${p.signatureCertificateExpiresOn}::date, ${p.userAuthCertificateExpiresOn}::date, ${p.basicInfoChanged}::boolean`,
    ),
  );
  const caseId = Prisma.sql`${r.caseId}::uuid`;
  /** Every row that does not need the receipt number, each a CTE by name: written before the number is taken. */
  const writtenFirst: [name: string, insert: Prisma.Sql][] = [
    [
      'new_parties',
      Prisma.sql`INSERT INTO parties (id, case_id, role, kind, family_name, given_name, family_name_kana, given_name_kana, search_name, birth_date,
                           postal_code, address, adult_ward, has_signature_certificate, has_user_auth_certificate,
                           signature_certificate_expires_on, user_auth_certificate_expires_on, basic_info_changed)
      SELECT p.id, ${caseId}, p.role, p.kind, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana, p.search_name, p.birth_date,
             p.postal_code, p.address, p.adult_ward, p.has_signature_certificate, p.has_user_auth_certificate,
             p.signature_certificate_expires_on, p.user_auth_certificate_expires_on, p.basic_info_changed
      FROM decided, (VALUES ${parties}) AS p (id, role, kind, family_name, given_name, family_name_kana, given_name_kana, search_name, birth_date,
                           postal_code, address, adult_ward, has_signature_certificate, has_user_auth_certificate,
                           signature_certificate_expires_on, user_auth_certificate_expires_on, basic_info_changed)
      RETURNING 1`,
    ],
    [
      'new_history',
      Prisma.sql`INSERT INTO case_history (case_id, from_state, to_state, actor_id, details)
      SELECT ${caseId}, NULL, 'received', ${r.staffId}::uuid, ${r.historyDetails && JSON.stringify(r.historyDetails)}::jsonb FROM decided
      RETURNING 1`,
    ],
  ];
  if (r.documents.length) {
    // Documents keep the order they were presented in: each a millisecond after the one before.
    writtenFirst.push([
      'new_documents',
      Prisma.sql`INSERT INTO presented_documents (id, case_id, visit, presented_by, type, issued_on, expires_on, created_at)
        SELECT d.id, ${caseId}, 1, d.presented_by, d.type, d.issued_on, d.expires_on, now() + d.place * interval '1 millisecond'
        FROM decided, (VALUES ${rows(
          r.documents.map(
            (d, place) =>
              Prisma.sql`${randomUUID()}::uuid, ${d.presentedBy}::"Presenter", ${d.type}::"DocumentType", ${d.issuedOn ?? null}::date, ${d.expiresOn ?? null}::date, ${place}::int`,
          ),
        )}) AS d (id, presented_by, type, issued_on, expires_on, place)
        RETURNING 1`,
    ]);
  }
  if (r.letter) {
    writtenFirst.push(
      [
        'new_letter',
        Prisma.sql`INSERT INTO inquiry_letters (id, case_id, inquiry_number, updated_at)
        SELECT ${r.letter.id}::uuid, ${caseId}, ${r.letter.inquiryNumber}, now() FROM decided
        RETURNING id`,
      ],
      [
        'new_outbox',
        Prisma.sql`INSERT INTO outbox_messages (job, payload, municipality_id)
        SELECT ${r.letter.outbox.job}, ${JSON.stringify(r.letter.outbox.payload)}::jsonb, ${r.letter.outbox.municipalityId}::uuid FROM new_letter
        RETURNING 1`,
      ],
    );
  }
  if (r.idempotency) {
    writtenFirst.push([
      'new_key',
      Prisma.sql`INSERT INTO idempotency_keys (staff_user_id, key, request_hash, case_id)
        SELECT ${r.staffId}::uuid, ${r.idempotency.keyHash}, ${r.idempotency.requestHash}, ${caseId} FROM decided
        RETURNING 1`,
    ]);
  }
  const ctes = writtenFirst.map(([name, insert]) => Prisma.sql`${Prisma.raw(name)} AS (${insert})`);
  // What the receipt's row waits for: each of them written (a count reads its CTE to the end).
  const written = writtenFirst.map(([name]) => Prisma.sql`(SELECT count(*) FROM ${Prisma.raw(name)})`);
  return Prisma.sql`${REGISTRATION_KEPT}
    WITH decided AS MATERIALIZED (
      SELECT m.code AS municipality_code
      FROM offices o JOIN municipalities m ON m.id = o.municipality_id
      WHERE o.id = ${r.office.id}::uuid
        AND NOT EXISTS (SELECT 1 FROM policy_versions v WHERE v.municipality_id = o.municipality_id AND v.version > ${r.policy.version})),
    ${Prisma.join(ctes, ',\n    ')},
    receipt AS (
      INSERT INTO receipt_sequences (office_id, year, last)
      SELECT ${r.office.id}::uuid, ${r.year}, 1 FROM decided
      WHERE ${Prisma.join(written, ' + ')} > 0
      ON CONFLICT (office_id, year) DO UPDATE SET last = receipt_sequences.last + 1
      RETURNING last),
    new_case AS (
      INSERT INTO cases (id, receipt_number, office_id, route, reason, pins, note, policy_version_id, created_by_id, updated_at)
      SELECT ${caseId},
             -- as formatReceiptNumber: the municipality's code, the office's part, the padded number
             decided.municipality_code || '-' ||
             ${receiptNumberPrefix(r.office.code, r.year)} || lpad(last::text, greatest(${RECEIPT_SEQUENCE_DIGITS}::int, length(last::text)), '0'),
             ${r.office.id}::uuid, ${r.route}::"Route", ${r.reason}::"ResetReason", ${r.pins}::"Pin"[], ${r.note},
             ${r.policy.versionId}::uuid, ${r.staffId}::uuid, now()
      FROM receipt, decided
      RETURNING id)
    SELECT count(*)::int AS cases FROM new_case`;
}
