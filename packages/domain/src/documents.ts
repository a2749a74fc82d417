import type { DocumentType, Presenter, RepresentativeKind, Route } from './codes';
import { addMonths, compareDates, formatDate, isIsoDate, type IsoDate } from './dates';
import type { MunicipalityPolicy } from './policy';
import { refusal, type Refusal } from './refusals';
import { text, type Text } from './text';

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
  relationship_proof: 'proof',
  guardianship_certificate: 'proof',
  power_of_attorney: 'proof',
  cannot_attend_proof: 'proof',
  sealed_reply_form: 'proof',
};

const CATEGORY_ORDER: readonly DocumentCategory[] = ['card', 'A', 'B', 'proof'];
const OFFERED_FIRST: readonly DocumentType[] = ['qualification_certificate'];
const OFFERED_LAST: readonly DocumentType[] = ['health_insurance_card'];

/**
 * The order in which the form lists document types: the card, photo IDs, the others, proofs. Among
 * the others the 資格確認書 comes first and the 健康保険証 last: it stopped counting after the
 * policy's last day (2025-12-01 by default), and its successor is what people now carry.
 */
export const DOCUMENT_TYPES_AS_OFFERED: readonly DocumentType[] = CATEGORY_ORDER.flatMap((c) => {
  const inCategory = (Object.keys(DOCUMENT_CATEGORY) as DocumentType[]).filter((t) => DOCUMENT_CATEGORY[t] === c);
  const rank = (t: DocumentType) => (OFFERED_FIRST.includes(t) ? 0 : OFFERED_LAST.includes(t) ? 2 : 1);
  return [...inCategory].sort((x, y) => rank(x) - rank(y));
});

/** A driving-history certificate (運転経歴証明書) counts as category A only if issued on or after this date. */
export const DRIVING_HISTORY_A_SINCE: IsoDate = '2012-04-01';

/** Proofs of representation, which must be recent (policy: issued within N months). */
const REPRESENTATION_PROOFS: readonly DocumentType[] = ['family_register_copy', 'relationship_proof', 'guardianship_certificate'];

export function documentCategory(doc: Pick<PresentedDocument, 'type' | 'issuedOn'> & { presentedBy?: Presenter }): DocumentCategory {
  // A representative's own マイナンバーカード is a photo ID issued by a public office (seed 000, 004).
  if (doc.type === 'my_number_card' && doc.presentedBy === 'representative') return 'A';
  if (doc.type === 'driving_history_certificate') {
    return isIsoDate(doc.issuedOn) && compareDates(doc.issuedOn, DRIVING_HISTORY_A_SINCE) >= 0 ? 'A' : 'B';
  }
  return DOCUMENT_CATEGORY[doc.type];
}

/**
 * Why a presented document cannot count today (undefined when it can). Originals within validity
 * only. A date that is not a calendar date (a field still being typed) counts as not given.
 */
export function unusableReason(doc: PresentedDocument, on: IsoDate, policy: MunicipalityPolicy): Refusal | undefined {
  const expiresOn = isIsoDate(doc.expiresOn) ? doc.expiresOn : null;
  const issuedOn = isIsoDate(doc.issuedOn) ? doc.issuedOn : null;
  // The holder's card counts only within its validity (002: 「有効期限内のもの」): the date is asked, not assumed.
  if (doc.type === 'my_number_card' && doc.presentedBy === 'holder' && !expiresOn) return refusal('card_expiry_missing');
  if (expiresOn && compareDates(expiresOn, on) < 0) return refusal('document_expired');
  if (doc.type === 'health_insurance_card' && compareDates(on, policy.healthInsuranceCardLastDay) > 0) {
    const lastDay = policy.healthInsuranceCardLastDay;
    return refusal('health_insurance_card_ended', { lastDay: text(formatDate(lastDay, 'ja'), formatDate(lastDay, 'en')) });
  }
  if (issuedOn && compareDates(issuedOn, on) > 0) return refusal('document_issued_in_future');
  if (REPRESENTATION_PROOFS.includes(doc.type)) {
    if (!issuedOn) return refusal('proof_issue_date_missing');
    const oldest = addMonths(on, -policy.representationProofMaxAgeMonths);
    if (compareDates(issuedOn, oldest) < 0) return refusal('proof_too_old', { months: policy.representationProofMaxAgeMonths });
  }
  return undefined;
}

export type RequirementId =
  | 'holder_card'
  | 'holder_second_id'
  | 'representation_proof'
  | 'representative_ids'
  | 'representative_current_address'
  | 'holder_address_checked'
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
  | { id: RequirementId; kind: 'document'; label: Text; presentedBy: Presenter; types: readonly DocumentType[]; waived: boolean }
  | { id: RequirementId; kind: 'identity'; label: Text; presentedBy: Presenter; options: readonly IdentityOption[]; waived: false }
  /** Something the clerk checks on the documents in hand and ticks (not a document of its own). */
  | { id: AttestationId; kind: 'attestation'; label: Text; presentedBy: Presenter; waived: false };

/** The checklist lines a clerk ticks. */
export const ATTESTATIONS = ['representative_current_address', 'holder_address_checked'] as const;
export type AttestationId = (typeof ATTESTATIONS)[number];

export interface Waivers {
  /** Same household, and the parent–child link shows in the resident record. */
  sameHouseholdParentChild: boolean;
  /** The family register (本籍) is in this city, so staff can check it themselves. */
  familyRegisterInCity: boolean;
  /** The parent and child share the same 本籍・筆頭者 (002 asks it beside the household). */
  sameFamilyRegister?: boolean;
}

export const NO_WAIVERS: Readonly<Waivers> = Object.freeze({ sameHouseholdParentChild: false, familyRegisterInCity: false, sameFamilyRegister: false });

/** Whether the parent's 戸籍謄本 is waived under the policy (000, 002). */
export function parentProofWaived(waivers: Waivers, policy: Pick<MunicipalityPolicy, 'parentProofWaiver'>): boolean {
  switch (policy.parentProofWaiver) {
    case 'household_or_register_in_city':
      return waivers.sameHouseholdParentChild || waivers.familyRegisterInCity;
    case 'household_same_register_or_register_in_city':
      return (waivers.sameHouseholdParentChild && waivers.sameFamilyRegister === true) || waivers.familyRegisterInCity;
    case 'never':
      return false;
  }
}

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
  label: text('本人のマイナンバーカード', "The holder's My Number Card"),
  presentedBy: 'holder',
  types: ['my_number_card'],
  waived: false,
});

const holderSecondId = (aOnly: boolean): RequiredDocument => ({
  id: 'holder_second_id',
  kind: 'identity',
  label: aOnly
    ? text('本人の写真付き本人確認書類 1点', 'One photo ID of the holder')
    : text('本人の本人確認書類 1点（カード以外）', 'One more ID of the holder (besides the card)'),
  presentedBy: 'holder',
  options: [{ count: 1, minCategoryA: aOnly ? 1 : 0, allowCategoryB: !aOnly }],
  waived: false,
});

const representativeIds = (oneA = false): RequiredDocument =>
  oneA
    ? {
        id: 'representative_ids',
        kind: 'identity',
        label: text('代理人の写真付き本人確認書類 1点', 'One photo ID of the representative'),
        presentedBy: 'representative',
        options: [{ count: 1, minCategoryA: 1, allowCategoryB: false }],
        waived: false,
      }
    : {
        id: 'representative_ids',
        kind: 'identity',
        label: text('代理人の本人確認書類 2点（うち1点は写真付きの公的書類）', 'Two IDs of the representative (one with a photo)'),
        presentedBy: 'representative',
        options: [{ count: 2, minCategoryA: 1, allowCategoryB: true }],
        waived: false,
      };

/** 000: 「※現住所・現氏名が記載されたもの」 — the clerk checks it on the IDs in hand and ticks it. */
const representativeCurrentAddress = (policy: MunicipalityPolicy): RequiredDocument[] =>
  policy.representativeIdsShowCurrentAddress
    ? [
        {
          id: 'representative_current_address',
          kind: 'attestation',
          label: text('代理人の本人確認書類に現住所・現氏名が記載されている', "The representative's IDs show their current address and name"),
          presentedBy: 'representative',
          waived: false,
        },
      ]
    : [];

const AGENT_FIRST_VISIT: Record<MunicipalityPolicy['agentFirstVisitId'], { label: Text; options: IdentityOption[] }> = {
  one_a: { label: text('代理人の写真付き本人確認書類 1点', 'One photo ID of the agent'), options: [{ count: 1, minCategoryA: 1, allowCategoryB: false }] },
  one_a_or_two_b: {
    label: text('代理人の本人確認書類（写真付きの公的書類 1点、または それ以外 2点）', "The agent's ID (one with a photo, or two others)"),
    options: [
      { count: 1, minCategoryA: 1, allowCategoryB: false },
      { count: 2, minCategoryA: 0, allowCategoryB: true },
    ],
  },
  any_one: { label: text('代理人の本人確認書類 1点', 'One ID of the agent'), options: [{ count: 1, minCategoryA: 0, allowCategoryB: true }] },
};

/** What must be shown, per route and visit, under the municipality's policy (shared/DOMAIN.md; the lists are policy data). */
export function requiredDocuments(ctx: DocumentContext, policy: MunicipalityPolicy): RequiredDocument[] {
  const waivers = ctx.waivers ?? NO_WAIVERS;
  switch (ctx.route) {
    case 'self':
      if (ctx.visit !== 1) return [];
      return policy.selfSecondId === 'none' ? [holderCard()] : [holderCard(), holderSecondId(policy.selfSecondId === 'a_only')];
    case 'legal_representative': {
      if (ctx.visit !== 1) return [];
      const guardian = ctx.representativeKind === 'guardian';
      const months = policy.representationProofMaxAgeMonths;
      const proof: RequiredDocument[] = guardian
        ? [
            {
              id: 'representation_proof',
              kind: 'document',
              label: text(
                `代理権の証明（成年後見登記事項証明書、発行から${months}か月以内）`,
                `Proof of guardianship (certificate of registered matters, issued within ${months} months)`,
              ),
              presentedBy: 'representative',
              types: ['guardianship_certificate'],
              waived: false,
            },
          ]
        : policy.parentProof === 'none'
          ? []
          : [
              {
                id: 'representation_proof',
                kind: 'document',
                label: text(
                  `代理権の証明（戸籍謄本、外国籍の方は続柄を証明する書類。発行から${months}か月以内）`,
                  `Proof of parenthood (family register copy; for a foreign resident, a document proving the relation; issued within ${months} months)`,
                ),
                presentedBy: 'representative',
                types: ['family_register_copy', 'relationship_proof'],
                waived: parentProofWaived(waivers, policy),
              },
            ];
      return [
        holderCard(),
        ...(policy.legalRepresentativeHolderSecondId === 'none' ? [] : [holderSecondId(false)]),
        ...proof,
        representativeIds(policy.legalRepresentativeIds === 'one_a'),
        ...representativeCurrentAddress(policy),
      ];
    }
    case 'voluntary_agent': {
      if (ctx.visit === 1) {
        const { label, options } = AGENT_FIRST_VISIT[policy.agentFirstVisitId];
        const agentId: RequiredDocument = { id: 'agent_first_visit_id', kind: 'identity', label, presentedBy: 'representative', options, waived: false };
        // No register connected: the letter's address is the one typed, checked by the clerk against the 住民票.
        return policy.residentRegister === 'manual'
          ? [
              agentId,
              {
                id: 'holder_address_checked',
                kind: 'attestation',
                label: text('本人の氏名・住所を住民票（住民記録）と照合した', "The holder's name and address were checked against the resident record"),
                presentedBy: 'holder',
                waived: false,
              },
            ]
          : [agentId];
      }
      const visit2: RequiredDocument[] = [
        {
          id: 'sealed_reply_form',
          kind: 'document',
          label: text('封入・封緘された照会書兼回答書', 'The sealed reply form'),
          presentedBy: 'holder',
          types: ['sealed_reply_form'],
          waived: false,
        },
        holderCard(),
        holderSecondId(false),
        representativeIds(),
        ...representativeCurrentAddress(policy),
      ];
      if (policy.agentNeedsPowerOfAttorney) {
        visit2.push({
          id: 'power_of_attorney',
          kind: 'document',
          label: text('委任状', 'A power of attorney'),
          presentedBy: 'representative',
          types: ['power_of_attorney'],
          waived: false,
        });
      }
      if (policy.agentNeedsCannotAttendProof) {
        visit2.push({
          id: 'cannot_attend_proof',
          kind: 'document',
          label: text(
            '本人が来庁できないことの証明（診断書、施設入所証明書など）',
            'Proof that the holder cannot come (a medical certificate, a care-home certificate…)',
          ),
          presentedBy: 'holder',
          types: ['cannot_attend_proof'],
          waived: false,
        });
      }
      return visit2;
    }
  }
}

/**
 * What the counter offers first for a checklist line, in order: the documents people most often
 * bring that would meet it. For an ID that may be of category B, the 資格確認書 (the health
 * insurance card's successor) comes before the pension book; a photo ID line offers the licence,
 * the passport and the residence card.
 */
export function suggestedDocuments(req: RequiredDocument): DocumentType[] {
  if (req.kind === 'attestation') return [];
  if (req.kind === 'document') return [...req.types];
  // A representative's own card counts as their photo ID, and many bring it.
  const card: DocumentType[] = req.presentedBy === 'representative' ? ['my_number_card'] : [];
  return req.options.some((o) => o.allowCategoryB)
    ? ['drivers_license', ...card, 'qualification_certificate', 'pension_book']
    : ['drivers_license', ...card, 'passport', 'residence_card'];
}

export interface RequirementResult {
  requirement: RequiredDocument;
  satisfied: boolean;
  /** Indexes into the presented list of the documents that count for it. */
  counted: number[];
  /** What is still needed, in words the clerk can read out. */
  missing?: Refusal;
}

export interface DocumentCheck {
  satisfied: boolean;
  results: RequirementResult[];
  /** Presented documents that cannot count, and why. */
  unusable: { index: number; type: DocumentType; problem: Refusal }[];
}

const WHO: Record<Presenter, Text> = { holder: text('本人', 'holder'), representative: text('代理人', 'representative') };

/** The refusal of an unmet checklist line, worded from the line (its code names the line: `holder_card_missing`). */
function unmet(req: RequiredDocument, need: Text): Refusal {
  return refusal(`${req.id}_missing`, { need });
}

function identityMissing(req: Extract<RequiredDocument, { kind: 'identity' }>, a: number, b: number): Refusal | undefined {
  const gaps = req.options.map((opt) => {
    const countable = a + (opt.allowCategoryB ? b : 0);
    const needA = Math.max(0, opt.minCategoryA - a);
    const needTotal = Math.max(0, opt.count - countable, needA);
    return { opt, needA, needTotal };
  });
  if (gaps.some((g) => g.needTotal === 0)) return undefined;
  // Say what the nearest way to satisfy it still needs: fewest documents, then fewest photo IDs.
  const best = gaps.reduce((x, y) => (y.needTotal < x.needTotal || (y.needTotal === x.needTotal && y.needA < x.needA) ? y : x));
  const who = WHO[req.presentedBy];
  const [n, photo] = [best.needTotal, best.needA];
  const photoJa = photo === 0 ? '' : photo === n ? '（写真付きの公的書類）' : `（うち${photo}点は写真付きの公的書類）`;
  const photoEn = photo === 0 ? '' : photo === n ? ' with a photo' : ` (${photo} with a photo)`;
  return unmet(
    req,
    text(`${who.ja}の本人確認書類があと${n}点必要です${photoJa}。`, `${n} more ID document${n > 1 ? 's' : ''} of the ${who.en}${photoEn} needed.`),
  );
}

/** Check what was presented against the checklist: which lines are met, and what each still needs. */
export function checkDocuments(
  requirements: readonly RequiredDocument[],
  presented: readonly PresentedDocument[],
  on: IsoDate,
  policy: MunicipalityPolicy,
  /** The checklist lines the clerk has ticked. */
  attested: readonly AttestationId[] = [],
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
    if (req.kind === 'attestation') {
      return attested.includes(req.id)
        ? { requirement: req, satisfied: true, counted: [] }
        : { requirement: req, satisfied: false, counted: [], missing: unmet(req, text(`${req.label.ja}ことを確認してください。`, `Check: ${req.label.en}.`)) };
    }
    const mine = usable.filter((i) => presented[i]!.presentedBy === req.presentedBy);
    if (req.kind === 'document') {
      const counted = mine.filter((i) => req.types.includes(presented[i]!.type)).slice(0, 1);
      return counted.length
        ? { requirement: req, satisfied: true, counted }
        : { requirement: req, satisfied: false, counted, missing: unmet(req, text(`${req.label.ja}が必要です。`, `${req.label.en} is needed.`)) };
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
