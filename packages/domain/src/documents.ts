import type { DocumentType, Presenter, RepresentativeKind, Route } from './codes';
import { addMonths, compareDates, type IsoDate } from './dates';
import type { MunicipalityPolicy } from './policy';
import { problem, type Problem } from './problems';

/** A document shown at the counter. `presentedBy` says whose it is: the holder's or the representative's own. */
export interface PresentedDocument {
  presentedBy: Presenter;
  type: DocumentType;
  issuedOn?: IsoDate | null;
  expiresOn?: IsoDate | null;
}

export type DocumentCategory = 'A' | 'B' | 'card' | 'proof';

/** 本人確認書類: A is government-issued with a photo (one is enough); B shows name and birth date or address. */
export const DOCUMENT_CATEGORY: Readonly<Record<DocumentType, DocumentCategory>> = {
  drivers_license: 'A',
  driving_history_certificate: 'A',
  passport: 'A',
  resident_card_with_photo: 'A',
  disability_handbook: 'A',
  residence_card: 'A',
  special_permanent_resident_certificate: 'A',
  health_insurance_card: 'B',
  qualification_certificate: 'B',
  care_insurance_card: 'B',
  pension_book: 'B',
  pension_number_notice: 'B',
  maternal_child_handbook: 'B',
  employee_id: 'B',
  student_id: 'B',
  other_b: 'B',
  my_number_card: 'card',
  family_register_copy: 'proof',
  guardianship_certificate: 'proof',
  power_of_attorney: 'proof',
  cannot_attend_proof: 'proof',
  sealed_reply_form: 'proof',
};

/** A driving-history certificate (運転経歴証明書) counts as category A only if issued on or after this date. */
export const DRIVING_HISTORY_A_SINCE: IsoDate = '2012-04-01';

/** Proofs of representation, which must be recent (policy: issued within N months). */
const REPRESENTATION_PROOFS: readonly DocumentType[] = ['family_register_copy', 'guardianship_certificate'];

export function documentCategory(doc: Pick<PresentedDocument, 'type' | 'issuedOn'>): DocumentCategory {
  if (doc.type === 'driving_history_certificate') {
    return doc.issuedOn && compareDates(doc.issuedOn, DRIVING_HISTORY_A_SINCE) >= 0 ? 'A' : 'B';
  }
  return DOCUMENT_CATEGORY[doc.type];
}

/** Why a presented document cannot count today (undefined when it can). Originals within validity only. */
export function unusableReason(doc: PresentedDocument, on: IsoDate, policy: MunicipalityPolicy): Problem | undefined {
  if (doc.expiresOn && compareDates(doc.expiresOn, on) < 0) return problem('document_expired', '有効期限が切れています。');
  if (doc.issuedOn && compareDates(doc.issuedOn, on) > 0) return problem('document_issued_in_future', '発行日が未来の日付になっています。');
  if (REPRESENTATION_PROOFS.includes(doc.type)) {
    if (!doc.issuedOn) return problem('proof_issue_date_missing', '発行日を入力してください（発行から一定期間内のものに限ります）。');
    const oldest = addMonths(on, -policy.representationProofMaxAgeMonths);
    if (compareDates(doc.issuedOn, oldest) < 0) {
      return problem('proof_too_old', `発行から${policy.representationProofMaxAgeMonths}か月以内のものが必要です。`);
    }
  }
  return undefined;
}

export type RequirementId =
  | 'holder_card'
  | 'holder_second_id'
  | 'representation_proof'
  | 'representative_ids'
  | 'agent_first_visit_id'
  | 'sealed_reply_form'
  | 'power_of_attorney'
  | 'cannot_attend_proof';

/** One way to satisfy an identity requirement: so many IDs, at least so many of category A. */
export interface IdentityOption {
  count: number;
  minCategoryA: number;
  allowCategoryB: boolean;
}

/** 必要書類: one line of the counter's checklist. */
export type RequiredDocument =
  | { id: RequirementId; kind: 'document'; label: string; presentedBy: Presenter; types: readonly DocumentType[]; waived: boolean }
  | { id: RequirementId; kind: 'identity'; label: string; presentedBy: Presenter; options: readonly IdentityOption[]; waived: false };

export interface Waivers {
  /** Same household, and the parent–child link shows in the resident record. */
  sameHouseholdParentChild: boolean;
  /** The family register (本籍) is in this city, so staff can check it themselves. */
  familyRegisterInCity: boolean;
}

export const NO_WAIVERS: Readonly<Waivers> = Object.freeze({ sameHouseholdParentChild: false, familyRegisterInCity: false });

export interface DocumentContext {
  route: Route;
  /** 1: the application; 2: the agent's return with the sealed reply. */
  visit: 1 | 2;
  representativeKind?: RepresentativeKind | null;
  waivers?: Waivers;
}

const holderCard = (): RequiredDocument => ({
  id: 'holder_card',
  kind: 'document',
  label: '本人のマイナンバーカード',
  presentedBy: 'holder',
  types: ['my_number_card'],
  waived: false,
});

const holderSecondId = (aOnly: boolean): RequiredDocument => ({
  id: 'holder_second_id',
  kind: 'identity',
  label: aOnly ? '本人の写真付き本人確認書類 1点' : '本人の本人確認書類 1点（カード以外）',
  presentedBy: 'holder',
  options: [{ count: 1, minCategoryA: aOnly ? 1 : 0, allowCategoryB: !aOnly }],
  waived: false,
});

const representativeIds = (): RequiredDocument => ({
  id: 'representative_ids',
  kind: 'identity',
  label: '代理人の本人確認書類 2点（うち1点は写真付きの公的書類）',
  presentedBy: 'representative',
  options: [{ count: 2, minCategoryA: 1, allowCategoryB: true }],
  waived: false,
});

/** What must be shown, per route and visit, under the municipality's policy (shared/DOMAIN.md). */
export function requiredDocuments(ctx: DocumentContext, policy: MunicipalityPolicy): RequiredDocument[] {
  const waivers = ctx.waivers ?? NO_WAIVERS;
  switch (ctx.route) {
    case 'self':
      return ctx.visit === 1 ? [holderCard(), holderSecondId(policy.selfSecondId === 'a_only')] : [];
    case 'legal_representative': {
      if (ctx.visit !== 1) return [];
      const guardian = ctx.representativeKind === 'guardian';
      return [
        holderCard(),
        holderSecondId(false),
        {
          id: 'representation_proof',
          kind: 'document',
          label: guardian
            ? `代理権の証明（成年後見登記事項証明書、発行から${policy.representationProofMaxAgeMonths}か月以内）`
            : `代理権の証明（戸籍謄本、発行から${policy.representationProofMaxAgeMonths}か月以内）`,
          presentedBy: 'representative',
          types: guardian ? ['guardianship_certificate'] : ['family_register_copy'],
          waived: !guardian && (waivers.sameHouseholdParentChild || waivers.familyRegisterInCity),
        },
        representativeIds(),
      ];
    }
    case 'voluntary_agent': {
      if (ctx.visit === 1) {
        const twoB = policy.agentFirstVisitId === 'one_a_or_two_b';
        return [
          {
            id: 'agent_first_visit_id',
            kind: 'identity',
            label: twoB ? '代理人の本人確認書類（写真付きの公的書類 1点、または それ以外 2点）' : '代理人の写真付き本人確認書類 1点',
            presentedBy: 'representative',
            options: twoB
              ? [
                  { count: 1, minCategoryA: 1, allowCategoryB: false },
                  { count: 2, minCategoryA: 0, allowCategoryB: true },
                ]
              : [{ count: 1, minCategoryA: 1, allowCategoryB: false }],
            waived: false,
          },
        ];
      }
      const visit2: RequiredDocument[] = [
        { id: 'sealed_reply_form', kind: 'document', label: '封入・封緘された照会書兼回答書', presentedBy: 'holder', types: ['sealed_reply_form'], waived: false },
        holderCard(),
        holderSecondId(false),
        representativeIds(),
      ];
      if (policy.agentNeedsPowerOfAttorney) {
        visit2.push({ id: 'power_of_attorney', kind: 'document', label: '委任状', presentedBy: 'representative', types: ['power_of_attorney'], waived: false });
      }
      if (policy.agentNeedsCannotAttendProof) {
        visit2.push({
          id: 'cannot_attend_proof',
          kind: 'document',
          label: '本人が来庁できないことの証明（診断書、施設入所証明書など）',
          presentedBy: 'holder',
          types: ['cannot_attend_proof'],
          waived: false,
        });
      }
      return visit2;
    }
  }
}

export interface RequirementResult {
  requirement: RequiredDocument;
  satisfied: boolean;
  /** Indexes into the presented list of the documents that count for it. */
  counted: number[];
  /** What is still needed, in words the clerk can read out. */
  missing?: Problem;
}

export interface DocumentCheck {
  satisfied: boolean;
  results: RequirementResult[];
  /** Presented documents that cannot count, and why. */
  unusable: { index: number; type: DocumentType; problem: Problem }[];
}

const WHO: Record<Presenter, string> = { holder: '本人', representative: '代理人' };

function identityMissing(req: Extract<RequiredDocument, { kind: 'identity' }>, a: number, b: number): Problem | undefined {
  const gaps = req.options.map((opt) => {
    const countable = a + (opt.allowCategoryB ? b : 0);
    const needA = Math.max(0, opt.minCategoryA - a);
    const needTotal = Math.max(0, opt.count - countable, needA);
    return { opt, needA, needTotal };
  });
  if (gaps.some((g) => g.needTotal === 0)) return undefined;
  // Say what the nearest way to satisfy it still needs: fewest documents, then fewest photo IDs.
  const best = gaps.reduce((x, y) => (y.needTotal < x.needTotal || (y.needTotal === x.needTotal && y.needA < x.needA) ? y : x));
  const photo = best.needA === 0 ? '' : best.needA === best.needTotal ? '（写真付きの公的書類）' : `（うち${best.needA}点は写真付きの公的書類）`;
  return problem(`${req.id}_missing`, `${WHO[req.presentedBy]}の本人確認書類があと${best.needTotal}点必要です${photo}。`);
}

/** Check what was presented against the checklist: which lines are met, and what each still needs. */
export function checkDocuments(
  requirements: readonly RequiredDocument[],
  presented: readonly PresentedDocument[],
  on: IsoDate,
  policy: MunicipalityPolicy,
): DocumentCheck {
  const unusable: DocumentCheck['unusable'] = [];
  const usable: number[] = [];
  presented.forEach((doc, index) => {
    const reason = unusableReason(doc, on, policy);
    if (reason) unusable.push({ index, type: doc.type, problem: reason });
    else usable.push(index);
  });

  const results = requirements.map((req): RequirementResult => {
    if (req.waived) return { requirement: req, satisfied: true, counted: [] };
    const mine = usable.filter((i) => presented[i]!.presentedBy === req.presentedBy);
    if (req.kind === 'document') {
      const counted = mine.filter((i) => req.types.includes(presented[i]!.type)).slice(0, 1);
      return counted.length
        ? { requirement: req, satisfied: true, counted }
        : { requirement: req, satisfied: false, counted, missing: problem(`${req.id}_missing`, `${req.label}が必要です。`) };
    }
    // Each kind of ID counts once (two driving licences are one document), except "other" category B.
    const seen = new Set<DocumentType>();
    const ids = mine.filter((i) => {
      const doc = presented[i]!;
      const category = documentCategory(doc);
      if (category !== 'A' && category !== 'B') return false;
      if (seen.has(doc.type) && doc.type !== 'other_b') return false;
      seen.add(doc.type);
      return true;
    });
    const a = ids.filter((i) => documentCategory(presented[i]!) === 'A').length;
    const missing = identityMissing(req, a, ids.length - a);
    return missing ? { requirement: req, satisfied: false, counted: ids, missing } : { requirement: req, satisfied: true, counted: ids };
  });

  return { satisfied: results.every((r) => r.satisfied), results, unusable };
}
