import { keptPrepared, Prisma, readRows, type Database } from '@madoguchi/db';
import type { CaseView } from '@madoguchi/contract';
import type { StaffPrincipal } from '../auth/principal';
import { casesInScopeSql } from '../scope/scope';

/** Who did something, as the console names them: display name first, username on hover. */
export const STAFF_REF = { id: true, username: true, displayName: true } as const;

/** Its plan does not depend on the case: each connection keeps it prepared (planning it took longer than running it). */
const CASE_VIEW_KEPT = Prisma.raw(keptPrepared('case-view'));

/**
 * A case's page, whole, in one statement: PostgreSQL builds the answer's JSON from the case, its
 * parties, documents, letters (never their PDFs), history with its actors, and completion notice,
 * so the page costs one round trip however much the case holds. Only timestamps are left to
 * `toCaseView`: PostgreSQL writes them with an offset, the API answers in UTC with milliseconds.
 */
export async function readCaseView(
  db: Database,
  staff: Pick<StaffPrincipal, 'municipalityId' | 'municipalityOfficeIds'>,
  caseId: string,
  /** A write the page is read behind, in its round trip and transaction (readRows): a registration's. */
  behind?: Prisma.Sql,
): Promise<CaseView | undefined> {
  const [row] = await readRows<{ view: StoredCaseView }>(
    db,
    Prisma.sql`${CASE_VIEW_KEPT}
    SELECT json_build_object(
      'id', c.id, 'receiptNumber', c.receipt_number, 'officeId', c.office_id, 'state', c.state, 'route', c.route,
      'reason', c.reason, 'pins', c.pins, 'version', c.version, 'note', c.note, 'policyVersion', v.version,
      'createdAt', c.created_at, 'updatedAt', c.updated_at,
      'holder', (
        SELECT json_build_object(
          'familyName', p.family_name, 'givenName', p.given_name, 'familyNameKana', p.family_name_kana,
          'givenNameKana', p.given_name_kana, 'postalCode', p.postal_code, 'address', p.address, 'birthDate', p.birth_date,
          'adultWard', coalesce(p.adult_ward, false), 'hasSignatureCertificate', coalesce(p.has_signature_certificate, false),
          'hasUserAuthCertificate', p.has_user_auth_certificate,
          'signatureCertificateExpiresOn', p.signature_certificate_expires_on,
          'userAuthCertificateExpiresOn', p.user_auth_certificate_expires_on, 'basicInfoChanged', p.basic_info_changed)
        FROM parties p WHERE p.case_id = c.id AND p.role = 'holder'),
      'representative', (
        SELECT json_build_object(
          'familyName', p.family_name, 'givenName', p.given_name, 'familyNameKana', p.family_name_kana,
          'givenNameKana', p.given_name_kana, 'postalCode', p.postal_code, 'address', p.address,
          'kind', p.kind, 'birthDate', p.birth_date)
        FROM parties p WHERE p.case_id = c.id AND p.role = 'representative'),
      'documents', coalesce((
        SELECT json_agg(json_build_object(
          'id', d.id, 'visit', d.visit, 'presentedBy', d.presented_by, 'type', d.type, 'issuedOn', d.issued_on, 'expiresOn', d.expires_on)
          ORDER BY d.visit, d.created_at, d.id)
        FROM presented_documents d WHERE d.case_id = c.id), '[]'),
      'letters', coalesce((
        SELECT json_agg(json_build_object(
          'id', l.id, 'status', l.status, 'inquiryNumber', l.inquiry_number, 'mailedOn', l.mailed_on,
          'replyDeadline', l.reply_deadline, 'returnedAt', l.returned_at, 'pdfRemoved', l.pdf_removed_at IS NOT NULL)
          ORDER BY l.created_at, l.id)
        FROM inquiry_letters l WHERE l.case_id = c.id), '[]'),
      'history', coalesce((
        SELECT json_agg(json_build_object(
          'from', h.from_state, 'to', h.to_state, 'at', h.at,
          'actor', CASE WHEN u.id IS NULL THEN json_build_object('kind', 'system')
                        ELSE json_build_object('id', u.id, 'username', u.username, 'displayName', u.display_name) END,
          'reason', h.reason, 'event', h.event, 'details', h.details, 'note', h.note)
          ORDER BY h.id)
        FROM case_history h LEFT JOIN staff_users u ON u.id = h.actor_id WHERE h.case_id = c.id), '[]'),
      'completionNotice', (
        SELECT json_build_object(
          'id', n.id, 'status', n.status, 'noticeNumber', n.notice_number, 'mailedOn', n.mailed_on,
          'pdfRemoved', n.pdf_removed_at IS NOT NULL)
        FROM completion_notices n WHERE n.case_id = c.id)
    ) AS view
    FROM cases c JOIN policy_versions v ON v.id = c.policy_version_id
    WHERE c.id = ${caseId}::uuid AND ${casesInScopeSql(staff)}`,
    { behind },
  );
  return row && toCaseView(row.view);
}

/** The view as PostgreSQL writes it: every timestamp a string with an offset. */
type StoredCaseView = CaseView;

const utc = (instant: string) => new Date(instant).toISOString();

function toCaseView(view: StoredCaseView): CaseView {
  return {
    ...view,
    createdAt: utc(view.createdAt),
    updatedAt: utc(view.updatedAt),
    letters: view.letters.map((l) => ({ ...l, returnedAt: l.returnedAt && utc(l.returnedAt) })),
    history: view.history.map((h) => ({ ...h, at: utc(h.at) })),
  };
}

export type { CaseView };
