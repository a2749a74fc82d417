import { storeAlternatives, type Alternative } from './alternatives';
import type { DocumentType, Pin, RepresentativeKind, ResetReason, Route } from './codes';
import { ageOn, type IsoDate } from './dates';
import {
  checkDocuments,
  NO_WAIVERS,
  requiredDocuments,
  suggestedDocuments,
  type AttestationId,
  type DocumentCheck,
  type PresentedDocument,
  type RequiredDocument,
  type Waivers,
} from './documents';
import { completesSameDay, pinEligibility, pinListRefusals, routeRefusals, type HolderFacts, type PinEligibility } from './eligibility';
import { freeTextRefusals } from './guards';
import type { MunicipalityPolicy } from './policy';
import type { Refusal } from './refusals';
import type { Text } from './text';

/** A case as the clerk is filling it in (only the facts the rules use). */
export interface RequirementsQuestion {
  route: Route;
  reason: ResetReason;
  pins: readonly Pin[];
  holder: HolderFacts;
  representative?: { kind: RepresentativeKind; birthDate?: IsoDate | null } | null;
  waivers?: Waivers;
  /** Documents checked so far on this (first) visit. */
  documents?: readonly PresentedDocument[];
  /** The checklist lines the clerk has ticked (the representative's IDs show the current address). */
  attested?: readonly AttestationId[];
  note?: string | null;
  /** The day of the visit. */
  on: IsoDate;
}

export interface ChecklistLine {
  id: RequiredDocument['id'];
  /** `attestation`: a line the clerk ticks, not a document to add. */
  kind: RequiredDocument['kind'];
  label: Text;
  presentedBy: RequiredDocument['presentedBy'];
  waived: boolean;
  satisfied: boolean;
  missing?: Refusal;
  /** The documents to offer for it, most common first (one click adds one). */
  suggestions: DocumentType[];
}

/** The checklist of a visit as the counter shows it: each line met or what it still needs, and what to offer for it. */
export function checklistLines(check: DocumentCheck): ChecklistLine[] {
  return check.results.map((r) => ({
    id: r.requirement.id,
    kind: r.requirement.kind,
    label: r.requirement.label,
    presentedBy: r.requirement.presentedBy,
    waived: r.requirement.waived,
    satisfied: r.satisfied,
    ...(r.missing ? { missing: r.missing } : {}),
    suggestions: suggestedDocuments(r.requirement),
  }));
}

/** The rules engine's answer: what the console shows live and what registration enforces. */
export interface RequirementsAnswer {
  holderAge: number;
  routeOpen: boolean;
  pins: PinEligibility[];
  completesSameDay: boolean;
  /** Visit 1 checked against the documents given; visit 2 (agent route) as the list to tell the agent. */
  visits: { visit: 1 | 2; checklist: ChecklistLine[] }[];
  unusableDocuments: { index: number; type: PresentedDocument['type']; problem: Refusal }[];
  alternatives: Alternative[];
  /** Everything that stops registration now; empty when the case can be registered. */
  problems: Refusal[];
  readyToRegister: boolean;
}

export function answerRequirements(q: RequirementsQuestion, policy: MunicipalityPolicy): RequirementsAnswer {
  const app = { route: q.route, reason: q.reason, pins: q.pins, holder: q.holder, representative: q.representative ?? null };
  const routeIssues = routeRefusals(app, policy, q.on);
  const futureBirth = routeIssues.some((p) => p.code === 'holder_birth_date_in_future');
  const pins = futureBirth ? [] : pinEligibility(app, q.on);
  const waivers = q.waivers ?? NO_WAIVERS;
  const kind = q.representative?.kind ?? null;

  const visit1 = checkDocuments(
    requiredDocuments({ route: q.route, visit: 1, representativeKind: kind, waivers }, policy),
    q.documents ?? [],
    q.on,
    policy,
    q.attested ?? [],
  );
  const visits: RequirementsAnswer['visits'] = [
    {
      visit: 1,
      checklist: checklistLines(visit1),
    },
  ];
  if (!completesSameDay(q.route)) {
    visits.push({
      visit: 2,
      checklist: requiredDocuments({ route: q.route, visit: 2, representativeKind: kind, waivers }, policy).map((req) => ({
        id: req.id,
        kind: req.kind,
        label: req.label,
        presentedBy: req.presentedBy,
        waived: req.waived,
        satisfied: false,
        suggestions: suggestedDocuments(req),
      })),
    });
  }

  const problems: Refusal[] = [
    ...routeIssues,
    ...pinListRefusals(q.pins),
    ...pins.flatMap((p) => p.problems),
    ...visit1.results.flatMap((r) => (r.missing ? [{ ...r.missing, path: `documents.${r.requirement.id}` }] : [])),
    ...(q.note ? freeTextRefusals(q.note, 'note') : []),
  ];

  return {
    holderAge: futureBirth ? 0 : ageOn(q.holder.birthDate, q.on),
    routeOpen: routeIssues.length === 0,
    pins,
    completesSameDay: completesSameDay(q.route),
    visits,
    unusableDocuments: visit1.unusable,
    alternatives: storeAlternatives({ pins: q.pins, reason: q.reason, holder: q.holder, on: q.on }),
    problems,
    readyToRegister: problems.length === 0,
  };
}
