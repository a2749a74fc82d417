import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@madoguchi/db';
import { answerRequirements, nameSearchKey, refusal, freeTextRefusals, generateInquiryNumber, type MunicipalityPolicy, type Refusal } from '@madoguchi/domain';
import { outboxRow, renderInquiryLetter } from '@madoguchi/jobs';
import type { StaffPrincipal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { isUniqueViolation } from '../database/unique-violation';
import { PolicyService, type CurrentPolicy } from '../policy/policy.service';
import type { RegisterCaseRequest } from '@madoguchi/contract/schemas';
import type { ResidentView } from '@madoguchi/contract';
import { RESIDENT_REGISTER, type ResidentRegister } from '../residents/resident-register';
import { registrationStatement, type NewRegistration } from './registration-statement';
import { readCaseView, type CaseView } from './case-view';
import { refused, refusedWith } from '../errors/refused';

export interface Registration {
  view: CaseView;
  /** True when an Idempotency-Key found the case an earlier identical request made. */
  replayed: boolean;
}

/** Names and addresses may hold digits (番地, ハイツ1203) but never an individual number or a named PIN; the note, not even a lone PIN. */
function secretRefusals(body: RegisterCaseRequest): Refusal[] {
  const label = (text: string | undefined, path: string) => (text ? freeTextRefusals(text, path, 'label') : []);
  const parties = { holder: body.holder, representative: body.representative ?? undefined };
  return [
    ...Object.entries(parties).flatMap(([who, p]) =>
      p ? (['familyName', 'givenName', 'address'] as const).flatMap((field) => label(p[field], `${who}.${field}`)) : [],
    ),
    ...(body.note ? freeTextRefusals(body.note, 'note') : []),
  ];
}

/**
 * 受付: register a walk-in. Everything the registration writes — the case, its parties and
 * documents, the first history entry and, on the agent route, the letter and its outbox row —
 * commits together or not at all.
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A party's names as the case keeps them, with the key name searches use. */
const names = (p: { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string }) => ({
  familyName: p.familyName,
  givenName: p.givenName,
  familyNameKana: p.familyNameKana,
  givenNameKana: p.givenNameKana,
  searchName: nameSearchKey(p.familyName + p.givenName),
});

/** A registration's holder with every detail the case records. */
type TypedHolder = RegisterCaseRequest['holder'] & Omit<ResidentView, 'residentId'>;

@Injectable()
export class CaseRegistrationService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly policies: PolicyService,
    private readonly clock: Clock,
    @Inject(RESIDENT_REGISTER) private readonly residents: ResidentRegister,
  ) {}

  /**
   * The holder as the case will record them. On the agent route the letter goes to the address the
   * city has on record: a `residentId` is looked up in the register (its name, birth date and
   * address replace anything typed); where the policy requires the register, a typed holder is
   * refused. Elsewhere the typed holder stands.
   */
  private async holderOf(
    staff: StaffPrincipal,
    body: RegisterCaseRequest,
    policy: MunicipalityPolicy,
  ): Promise<{ holder: TypedHolder; fromRegister?: string }> {
    const { residentId } = body.holder;
    if (residentId !== undefined) {
      // An adapter that cannot answer throws resident_register_unavailable itself (a 503 the clerk can retry).
      const resident = await this.residents.get(staff.municipalityId, residentId);
      if (!resident) throw refusedWith('requirements_not_met', [refusal('holder_not_in_register', undefined, 'holder.residentId')]);
      const { residentId: _key, ...fromRegister } = resident;
      return { holder: { ...body.holder, ...fromRegister }, fromRegister: residentId };
    }
    if (body.route === 'voluntary_agent' && policy.residentRegister === 'required') {
      throw refusedWith('requirements_not_met', [refusal('holder_resident_required', undefined, 'holder.residentId')]);
    }
    // The schema has made sure a holder without a residentId is typed in full.
    return { holder: body.holder as TypedHolder };
  }

  async register(staff: StaffPrincipal, body: RegisterCaseRequest, idempotencyKey?: string): Promise<Registration> {
    const requestHash = sha256(JSON.stringify(body));
    // The key is kept hashed: a client may put anything in it, an individual number included.
    const keyHash = idempotencyKey === undefined ? undefined : sha256(idempotencyKey);
    if (keyHash) {
      const earlier = await this.replay(staff, keyHash, requestHash);
      if (earlier) return earlier;
    }

    const today = this.clock.today();
    const remembered = this.policies.asLastReadForOffice(staff.officeId);
    let current = remembered ?? (await this.policies.currentForOffice(staff.officeId));
    // Whether `current` was read by this request: a policy remembered from another may have been replaced since.
    let confirmed = !remembered;
    /** The policy in force, read again; true when it is another version than the one decided under. */
    const readAgain = async () => {
      const latest = await this.policies.currentForOffice(staff.officeId);
      const changed = latest.version !== current.version;
      [current, confirmed] = [latest, true];
      return changed;
    };
    for (let attempt = 1; ; attempt++) {
      let registration: NewRegistration;
      try {
        registration = await this.decide(staff, body, current, today, keyHash === undefined ? undefined : { keyHash, requestHash });
      } catch (refusal) {
        // Only the policy in force refuses: one remembered from before a change decides nothing.
        if (confirmed || !(await readAgain())) throw refusal;
        continue;
      }
      try {
        // The write and the new case's page in one round trip: no page, nothing written.
        const view = await readCaseView(this.db, staff, registration.caseId, registrationStatement(registration));
        if (view) return { view, replayed: false };
      } catch (error) {
        // Two submits with one key raced: the loser finds the winner's case.
        if (keyHash && isUniqueViolation(error)) {
          const earlier = await this.replay(staff, keyHash, requestHash);
          if (earlier) return earlier;
        }
        throw error;
      }
      // The municipality saved a newer policy than this process had read: decide again under it.
      if (attempt >= 3) throw refused('policy_changed', { version: current.version });
      await readAgain();
    }
  }

  /** Everything a registration will write, decided under one version of the policy (or refused). */
  private async decide(
    staff: StaffPrincipal,
    body: RegisterCaseRequest,
    { policy, policyVersionId, version }: CurrentPolicy,
    today: string,
    idempotency: NewRegistration['idempotency'],
  ): Promise<NewRegistration> {
    const { holder, fromRegister } = await this.holderOf(staff, body, policy);
    if (holder.birthDate > today) throw refusedWith('invalid_request', [refusal('birth_date_in_future', undefined, 'holder.birthDate')]);
    const answer = answerRequirements({ ...body, holder, documents: body.documents, on: today }, policy);
    const problems = [...secretRefusals({ ...body, holder }), ...answer.problems.filter((p) => p.path !== 'note')];
    if (problems.length) throw refusedWith('requirements_not_met', problems);
    // What the history keeps of how the holder was established: the register's answer, the clerk's ticks.
    const details = {
      ...(fromRegister ? { residentRegister: { source: this.residents.source, residentId: fromRegister } } : {}),
      ...(body.attested?.length ? { attested: body.attested } : {}),
    };
    const letterId = randomUUID();
    return {
      caseId: randomUUID(),
      office: { id: staff.officeId, code: staff.officeCode },
      year: Number(today.slice(0, 4)),
      route: body.route,
      reason: body.reason,
      pins: body.pins,
      note: body.note ?? null,
      policy: { versionId: policyVersionId, version },
      staffId: staff.id,
      parties: [
        {
          role: 'holder',
          kind: null,
          ...names(holder),
          birthDate: holder.birthDate,
          postalCode: holder.postalCode,
          address: holder.address,
          adultWard: body.holder.adultWard ?? null,
          hasSignatureCertificate: body.holder.hasSignatureCertificate ?? null,
          hasUserAuthCertificate: body.holder.hasUserAuthCertificate ?? true,
          signatureCertificateExpiresOn: body.holder.signatureCertificateExpiresOn ?? null,
          userAuthCertificateExpiresOn: body.holder.userAuthCertificateExpiresOn ?? null,
          basicInfoChanged: body.holder.basicInfoChanged ?? false,
        },
        ...(body.representative
          ? [
              {
                role: 'representative' as const,
                kind: body.representative.kind,
                ...names(body.representative),
                birthDate: body.representative.birthDate ?? null,
                postalCode: body.representative.postalCode ?? null,
                address: body.representative.address ?? null,
                adultWard: null,
                hasSignatureCertificate: null,
                hasUserAuthCertificate: null,
                signatureCertificateExpiresOn: null,
                userAuthCertificateExpiresOn: null,
                basicInfoChanged: null,
              },
            ]
          : []),
      ],
      documents: body.documents,
      historyDetails: Object.keys(details).length ? details : null,
      letter: answer.completesSameDay
        ? undefined
        : { id: letterId, inquiryNumber: generateInquiryNumber(randomBytes), outbox: outboxRow(renderInquiryLetter, { letterId }, staff) },
      idempotency,
    };
  }

  private async replay(staff: StaffPrincipal, keyHash: string, requestHash: string): Promise<Registration | undefined> {
    // findFirst, not findUnique: in a municipality's scope that one costs a transaction of its own (municipality-scope.ts).
    const found = await this.db.idempotencyKey.findFirst({ where: { staffUserId: staff.id, key: keyHash } });
    if (!found) return undefined;
    if (found.requestHash !== requestHash) {
      throw refused('idempotency_key_reused', undefined, 'Idempotency-Key');
    }
    return { view: await this.view(staff, found.caseId), replayed: true };
  }

  private async view(staff: StaffPrincipal, caseId: string): Promise<CaseView> {
    return (await readCaseView(this.db, staff, caseId))!;
  }
}
