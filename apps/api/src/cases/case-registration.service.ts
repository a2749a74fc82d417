import { createHash, randomBytes } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { dateColumn, Prisma, type Database } from '@madoguchi/db';
import { answerRequirements, formatReceiptNumber, freeTextProblems, generateInquiryNumber, type Problem } from '@madoguchi/domain';
import { JOB } from '@madoguchi/platform';
import type { StaffPrincipal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { PolicyService } from '../offices/policy.service';
import { documentRows, type RegisterCaseBody } from './case-body.schema';
import { CASE_VIEW_INCLUDE, toCaseView, type CaseView } from './case-view';

export interface Registration {
  view: CaseView;
  /** True when an Idempotency-Key found the case an earlier identical request made. */
  replayed: boolean;
}

/** Names and addresses may hold digits (番地) but never an individual number; the note, not even a PIN. */
function secretProblems(body: RegisterCaseBody): Problem[] {
  const numberOnly = (text: string | undefined, path: string) =>
    text ? freeTextProblems(text, path).filter((p) => p.code === 'text_contains_individual_number') : [];
  const parties = { holder: body.holder, representative: body.representative ?? undefined };
  return [
    ...Object.entries(parties).flatMap(([who, p]) =>
      p ? (['familyName', 'givenName', 'address'] as const).flatMap((field) => numberOnly(p[field], `${who}.${field}`)) : [],
    ),
    ...(body.note ? freeTextProblems(body.note, 'note') : []),
  ];
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * 受付: register a walk-in. Everything the registration writes — the case, its parties and
 * documents, the first history entry and, on the agent route, the letter and its outbox row —
 * commits together or not at all.
 */
@Injectable()
export class CaseRegistrationService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly policies: PolicyService,
    private readonly clock: Clock,
  ) {}

  async register(staff: StaffPrincipal, body: RegisterCaseBody, idempotencyKey?: string): Promise<Registration> {
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.replay(staff, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }

    const today = this.clock.today();
    if (body.holder.birthDate > today) {
      const message = '生年月日が未来の日付になっています。';
      throw new BadRequestException({ code: 'invalid_request', message: '入力内容に誤りがあります。', details: [{ path: 'holder.birthDate', code: 'date_in_future', message }] });
    }
    const { policy, policyVersionId } = await this.policies.currentForOffice(staff.officeId);
    const answer = answerRequirements({ ...body, documents: body.documents, on: today }, policy);
    const problems = [...secretProblems(body), ...answer.problems.filter((p) => p.path !== 'note')];
    if (problems.length) {
      throw new UnprocessableEntityException({
        code: 'requirements_not_met',
        message: '申請の要件を満たしていないため、受付できません。',
        details: problems.map((p) => ({ path: p.path ?? '', code: p.code, message: p.message })),
      });
    }

    // Allocated outside the transaction so registrations at one office never wait on each other;
    // a failed registration leaves a gap in the numbers, which is harmless.
    const receiptNumber = await this.nextReceiptNumber(staff.officeId, Number(today.slice(0, 4)));
    try {
      const caseId = await this.db.$transaction(async (tx) => {
        const created = await tx.pinResetCase.create({
          data: {
            receiptNumber,
            officeId: staff.officeId,
            route: body.route,
            reason: body.reason,
            pins: body.pins,
            note: body.note ?? null,
            policyVersionId,
            createdById: staff.id,
            parties: {
              create: [
                {
                  role: 'holder',
                  familyName: body.holder.familyName,
                  givenName: body.holder.givenName,
                  familyNameKana: body.holder.familyNameKana,
                  givenNameKana: body.holder.givenNameKana,
                  birthDate: dateColumn(body.holder.birthDate),
                  postalCode: body.holder.postalCode,
                  address: body.holder.address,
                  adultWard: body.holder.adultWard,
                  hasSignatureCertificate: body.holder.hasSignatureCertificate,
                },
                ...(body.representative
                  ? [
                      {
                        role: 'representative' as const,
                        kind: body.representative.kind,
                        familyName: body.representative.familyName,
                        givenName: body.representative.givenName,
                        familyNameKana: body.representative.familyNameKana,
                        givenNameKana: body.representative.givenNameKana,
                        postalCode: body.representative.postalCode ?? null,
                        address: body.representative.address ?? null,
                      },
                    ]
                  : []),
              ],
            },
            documents: { create: documentRows(body.documents, 1) },
            history: { create: { fromState: null, toState: 'received', actorId: staff.id } },
          },
        });
        if (!answer.completesSameDay) {
          const letter = await tx.inquiryLetter.create({ data: { caseId: created.id, inquiryNumber: generateInquiryNumber(randomBytes) } });
          await tx.outboxMessage.create({ data: { job: JOB.renderInquiryLetter, payload: { letterId: letter.id } } });
        }
        if (idempotencyKey) await tx.idempotencyKey.create({ data: { staffUserId: staff.id, key: idempotencyKey, requestHash, caseId: created.id } });
        return created.id;
      });
      return { view: await this.view(caseId), replayed: false };
    } catch (error) {
      // Two submits with one key raced: the loser finds the winner's case.
      if (idempotencyKey && isUniqueViolation(error)) {
        const earlier = await this.replay(staff, idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  private async replay(staff: StaffPrincipal, key: string, requestHash: string): Promise<Registration | undefined> {
    const found = await this.db.idempotencyKey.findUnique({ where: { staffUserId_key: { staffUserId: staff.id, key } } });
    if (!found) return undefined;
    if (found.requestHash !== requestHash) {
      throw new ConflictException({
        code: 'idempotency_key_reused',
        message: 'この Idempotency-Key は別の内容の受付に使われています。',
        details: [{ path: 'Idempotency-Key', code: 'idempotency_key_reused', message: '別の内容の受付に使われたキーです。' }],
      });
    }
    return { view: await this.view(found.caseId), replayed: true };
  }

  private async nextReceiptNumber(officeId: string, year: number): Promise<string> {
    const [row] = await this.db.$queryRaw<{ last: number }[]>`
      INSERT INTO receipt_sequences (office_id, year, last) VALUES (${officeId}::uuid, ${year}, 1)
      ON CONFLICT (office_id, year) DO UPDATE SET last = receipt_sequences.last + 1
      RETURNING last`;
    const office = await this.db.office.findUniqueOrThrow({ where: { id: officeId }, select: { code: true } });
    return formatReceiptNumber(office.code, year, row!.last);
  }

  private async view(caseId: string): Promise<CaseView> {
    return toCaseView(await this.db.pinResetCase.findUniqueOrThrow({ where: { id: caseId }, include: CASE_VIEW_INCLUDE }));
  }
}
