import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { dateColumn, dayOf, type Database, type Prisma } from '@madoguchi/db';
import {
  correctionLetterEffect,
  correctionRefusals,
  fieldChanges,
  freeTextRefusals,
  generateInquiryNumber,
  japanDate,
  nameSearchKey,
  pinEligibility,
  refusal,
  routeRefusals,
  type Application,
  type CorrectablePartyField,
  type CorrectedField,
  type FieldChange,
  type MunicipalityPolicy,
  type Refusal,
} from '@madoguchi/domain';
import { enqueue, renderInquiryLetter } from '@madoguchi/jobs';
import type { CorrectCaseRequest } from '@madoguchi/contract/schemas';
import type { StaffPrincipal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { Refused, refused, refusedWith } from '../errors/refused';
import { PolicyService } from '../policy/policy.service';
import { RESIDENT_REGISTER, type ResidentRegister } from '../residents/resident-register';
import { inScope } from '../scope/scope';
import { isUuid } from '../validation/ids';
import { readCaseView, type CaseView } from './case-view';

type PartyRow = Prisma.PartyGetPayload<object>;
type Who = 'holder' | 'representative';
type Values = Partial<Record<CorrectedField, string | null>>;
type PrintRunStatus = 'rendering' | 'ready' | 'mailed' | 'cancelled';
/** A letter's print run as locked for a correction (both null: the letter is in none). */
interface LockedRun {
  id: string | null;
  status: PrintRunStatus | null;
}

/** A person's correctable details as recorded, keyed as the request names them. */
function recordedValues(who: Who, p: PartyRow | undefined): Values {
  if (!p) return {};
  const values: Record<CorrectablePartyField, string | null> = {
    familyName: p.familyName,
    givenName: p.givenName,
    familyNameKana: p.familyNameKana,
    givenNameKana: p.givenNameKana,
    birthDate: dayOf(p.birthDate),
    postalCode: p.postalCode,
    address: p.address,
  };
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [`${who}.${field}`, value]));
}

/** What the request gives of a person, keyed as the request names it. */
function askedValues(who: Who, given: Partial<Record<CorrectablePartyField, string>> | undefined): Values {
  return Object.fromEntries(
    Object.entries(given ?? {})
      .filter(([field, value]) => field !== 'residentId' && value !== undefined)
      .map(([field, value]) => [`${who}.${field}`, value]),
  );
}

/** The party row's new columns for the changes that concern it (the name's search key follows the name). */
function partyUpdate(who: Who, row: PartyRow, changes: readonly FieldChange[]): Prisma.PartyUpdateInput | undefined {
  const mine = changes.filter((c) => c.field.startsWith(`${who}.`));
  if (!mine.length) return undefined;
  const data: Record<string, unknown> = {};
  for (const c of mine) {
    const field = c.field.slice(who.length + 1) as CorrectablePartyField;
    data[field] = field === 'birthDate' ? (c.to === null ? null : dateColumn(c.to)) : c.to;
  }
  if ('familyName' in data || 'givenName' in data) {
    data.searchName = nameSearchKey(String(data.familyName ?? row.familyName) + String(data.givenName ?? row.givenName));
  }
  return data;
}

/** Problems of `after` that `before` did not have: a correction may not make a case break a rule it kept. */
function newProblems(before: Refusal[], after: Refusal[]): Refusal[] {
  const had = new Set(before.map((p) => `${p.code} ${p.path ?? ''}`));
  return after.filter((p) => !had.has(`${p.code} ${p.path ?? ''}`));
}

/**
 * 訂正: a detail typed wrong at the counter, put right with an audit trail. The case's version
 * guards it like a move (a stale screen gets 409); the history gets a `corrected` entry with each
 * field's old and new value; the guards run on the new values as at registration. A change to
 * what the letter prints replaces a letter not yet mailed (out of an unmailed print run), and an
 * address change after mailing reissues the letter to the new address.
 */
@Injectable()
export class CaseCorrectionService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly policies: PolicyService,
    private readonly clock: Clock,
    @Inject(RESIDENT_REGISTER) private readonly residents: ResidentRegister,
  ) {}

  async correct(staff: StaffPrincipal, caseId: string, body: CorrectCaseRequest): Promise<CaseView> {
    if (!isUuid(caseId)) throw refused('case_not_found');
    const current = await this.db.pinResetCase.findFirst({
      where: { id: caseId, ...inScope(staff) },
      include: { parties: true, letters: { where: { status: { not: 'superseded' } }, orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    if (!current) throw refused('case_not_found');
    if (body.version !== current.version) throw refused('version_conflict', undefined, 'version');
    const holder = current.parties.find((p) => p.role === 'holder')!;
    const representative = current.parties.find((p) => p.role === 'representative');
    const policy = await this.policies.byVersionId(current.policyVersionId);

    const residentId = body.holder?.residentId;
    const resident = residentId === undefined ? undefined : await this.residents.get(staff.municipalityId, residentId);
    if (residentId !== undefined && !resident) throw refusedWith('correction_refused', [refusal('holder_not_in_register', undefined, 'holder.residentId')]);
    const recorded = { ...recordedValues('holder', holder), ...recordedValues('representative', representative), note: current.note };
    const asked: Values = {
      ...askedValues('holder', resident ?? body.holder),
      ...askedValues('representative', body.representative),
      ...(body.note !== undefined ? { note: body.note } : {}),
    };
    const changes = fieldChanges(recorded, asked);

    const ruled = correctionRefusals({
      route: current.route,
      state: current.state,
      role: staff.role,
      residentRegister: policy.residentRegister,
      hasRepresentative: representative !== undefined,
      changes,
      holderFromRegister: resident !== undefined,
      attested: body.attested ?? [],
    });
    // A refusal of the whole request (not of one field) is the answer itself.
    const stop = ruled.find((p) => p.kind !== 'refused' || p.path === undefined);
    if (stop) throw new Refused(stop);
    const problems = [...ruled, ...this.guards(changes, current, holder, representative, policy)];
    if (problems.length) throw refusedWith('correction_refused', problems);

    const letter = current.letters[0];
    const effect = correctionLetterEffect(current.state, letter?.status, changes);
    await this.db.$transaction(async (tx) => {
      // Locks in the order the print-run renderer and the mailing confirmation take them: the
      // letter's print run, then the case, then the letter.
      const run = effect === 'none' || !letter ? undefined : await this.lockRunOf(tx, letter.id);
      const bumped = await tx.pinResetCase.updateMany({
        where: { id: caseId, version: body.version },
        data: { version: { increment: 1 }, ...(changes.some((c) => c.field === 'note') ? { note: asked.note ?? null } : {}) },
      });
      if (bumped.count !== 1) throw refused('version_conflict', undefined, 'version');
      for (const [who, row] of [
        ['holder', holder],
        ['representative', representative],
      ] as const) {
        const data = row && partyUpdate(who, row, changes);
        if (data) await tx.party.update({ where: { id: row.id }, data });
      }
      const replaced = effect === 'none' || !letter ? undefined : await this.replaceLetter(tx, staff, caseId, letter.id, effect, run);
      const details = {
        changes: changes.map(({ field, from, to }) => ({ field, from, to })),
        ...(replaced ? { replacedInquiryNumber: replaced } : {}),
        ...(resident ? { residentRegister: { source: this.residents.source, residentId: resident.residentId } } : {}),
        ...(body.attested?.length ? { attested: body.attested } : {}),
      };
      await tx.caseHistory.create({
        data: { caseId, fromState: current.state, toState: current.state, actorId: staff.id, event: 'corrected', details },
      });
    });
    return (await readCaseView(this.db, staff, caseId))!;
  }

  /** The guards on the new values: no secret in a name, address or note; no rule of the route newly broken. */
  private guards(
    changes: readonly FieldChange[],
    current: { route: Application['route']; reason: Application['reason']; pins: Application['pins']; createdAt: Date },
    holder: PartyRow,
    representative: PartyRow | undefined,
    policy: MunicipalityPolicy,
  ): Refusal[] {
    const problems = changes.flatMap((c) => {
      if (c.to === null || c.field.endsWith('Kana') || c.field.endsWith('birthDate') || c.field.endsWith('postalCode')) return [];
      return c.field === 'note' ? freeTextRefusals(c.to, 'note') : freeTextRefusals(c.to, c.field, 'label');
    });
    // The route's rules as on the day of registration, before and after: the birth dates are what they test.
    const application = (holderBirth: string | null, agentBirth: string | null): Application => ({
      route: current.route,
      reason: current.reason,
      pins: current.pins,
      holder: {
        birthDate: holderBirth!,
        adultWard: holder.adultWard ?? false,
        hasSignatureCertificate: holder.hasSignatureCertificate ?? false,
        hasUserAuthCertificate: holder.hasUserAuthCertificate ?? true,
      },
      representative: representative ? { kind: representative.kind!, birthDate: agentBirth } : null,
    });
    const on = japanDate(current.createdAt);
    const rules = (app: Application) => [...routeRefusals(app, policy, on), ...pinEligibility(app, on).flatMap((p) => p.problems)];
    const value = (field: CorrectedField, old: string | null) => {
      const change = changes.find((c) => c.field === field);
      return change ? change.to : old;
    };
    const holderBirth = dayOf(holder.birthDate)!;
    const agentBirth = dayOf(representative?.birthDate ?? null);
    if (changes.some((c) => c.field.endsWith('birthDate'))) {
      const before = rules(application(holderBirth, agentBirth));
      const after = rules(application(value('holder.birthDate', holderBirth), value('representative.birthDate', agentBirth)));
      problems.push(...newProblems(before, after));
    }
    return problems;
  }

  /** The print run holding the letter, locked, when it is in one. */
  private async lockRunOf(tx: Prisma.TransactionClient, letterId: string): Promise<LockedRun> {
    const { printRunId } = await tx.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, select: { printRunId: true } });
    if (!printRunId) return { id: null, status: null };
    const [row] = await tx.$queryRaw<{ status: PrintRunStatus }[]>`SELECT status FROM print_runs WHERE id = ${printRunId}::uuid FOR UPDATE`;
    return { id: printRunId, status: row!.status };
  }

  /**
   * Supersede the case's current letter and make a new one (new inquiry number and check code) for
   * the worker to render. A print run still rendering lets the letter go; one already rendered
   * keeps it listed, superseded, for print staff to take its pages out, and mails only the others.
   * A run left with nothing to mail is cancelled.
   */
  private async replaceLetter(
    tx: Prisma.TransactionClient,
    staff: StaffPrincipal,
    caseId: string,
    letterId: string,
    effect: 'replace' | 'reissue',
    run: LockedRun = { id: null, status: null },
  ): Promise<string> {
    const [locked] = await tx.$queryRaw<{ status: string; print_run_id: string | null; print_run_position: number | null; inquiry_number: string }[]>`
      SELECT status, print_run_id, print_run_position, inquiry_number FROM inquiry_letters WHERE id = ${letterId}::uuid FOR UPDATE`;
    const expected = effect === 'reissue' ? ['mailed'] : ['pending', 'failed', 'ready', 'printed'];
    // A print run took the letter, or mailed it, since it was read: the clerk looks again.
    if (!locked || locked.print_run_id !== run.id || !expected.includes(locked.status)) throw refused('version_conflict', undefined, 'version');

    const unmailedRun = run.id !== null && (run.status === 'rendering' || run.status === 'ready');
    const leavesRun = run.status === 'rendering';
    await tx.inquiryLetter.update({
      where: { id: letterId },
      data: { status: 'superseded', supersededAt: this.clock.now(), ...(leavesRun ? { printRunId: null, printRunPosition: null } : {}) },
    });
    if (unmailedRun && run.id) {
      if (leavesRun) {
        await tx.$executeRaw`
          UPDATE inquiry_letters SET print_run_position = print_run_position - 1
          WHERE print_run_id = ${run.id}::uuid AND print_run_position > ${locked.print_run_position}`;
        await tx.printRun.update({ where: { id: run.id }, data: { letterCount: { decrement: 1 } } });
      }
      if ((await tx.inquiryLetter.count({ where: { printRunId: run.id, status: 'printed' } })) === 0) {
        await tx.printRun.update({ where: { id: run.id }, data: { status: 'cancelled', cancelledAt: this.clock.now(), cancelledById: staff.id } });
      }
    }
    const letter = await tx.inquiryLetter.create({
      data: { caseId, inquiryNumber: generateInquiryNumber(randomBytes), reissueOfId: letterId, reissueReason: 'corrected' },
    });
    await enqueue(tx, renderInquiryLetter, { letterId: letter.id }, staff);
    return locked.inquiry_number;
  }
}
