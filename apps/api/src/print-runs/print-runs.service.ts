import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { dateColumn, Prisma, type Database } from '@madoguchi/db';
import { CASE_STATE, decideTransition, LETTER_STATUS, mailingEffect, type CaseState, type LetterStatus } from '@madoguchi/domain';
import { JOB } from '@madoguchi/platform';
import type { StaffPrincipal } from '../auth/principal';
import { isUuid, sameMunicipalityAs } from '../cases/case-query.service';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import type { FieldProblem } from '../errors/api-error';
import { MAX_PAGE } from '../validation/simple-rest';
import type { ConfirmMailedBody, CreatePrintRunBody, PrintRunListQuery } from './print-run.schema';
import { PRINT_RUN_SUMMARY_SELECT, PRINT_RUN_VIEW_SELECT, toPrintRunSummary, toPrintRunView, type PrintRunSummary, type PrintRunView } from './print-run-view';

export const PRINT_RUN_NOT_FOUND = { code: 'print_run_not_found', message: '指定された印刷バッチが見つかりません。', details: [] };

const STATUS_CONFLICT = {
  rendering: { code: 'print_run_not_ready', message: '印刷用のPDFを作成中です。しばらくしてからもう一度操作してください。' },
  mailed: { code: 'print_run_already_mailed', message: 'この印刷バッチは既に発送済みです。' },
  cancelled: { code: 'print_run_cancelled', message: 'この印刷バッチは取り消されています。' },
} as const;

function statusConflict(status: keyof typeof STATUS_CONFLICT): ConflictException {
  return new ConflictException({ ...STATUS_CONFLICT[status], details: [] });
}

/** Why a picked case's letter cannot go into a run, or nothing when it can. */
function unprintable(letter: { status: LetterStatus } | undefined, caseState: CaseState | undefined): Omit<FieldProblem, 'path'> | undefined {
  if (caseState === undefined) return { code: 'case_not_found', message: '申請が見つかりません。' };
  if (!letter) return { code: 'case_has_no_letter', message: 'この申請には照会書がありません。' };
  if (mailingEffect(caseState) === 'hold_back') return { code: 'case_not_awaiting_letter', message: `この申請は「${CASE_STATE.labels[caseState]}」のため、照会書を印刷しません。` };
  if (letter.status !== 'ready') return { code: 'letter_not_ready', message: `照会書が印刷待ちではありません（${LETTER_STATUS.labels[letter.status]}）。` };
  return undefined;
}

/**
 * 印刷バッチ: print staff take letters waiting to be printed into a run; the worker merges them
 * into one PDF; staff print it and confirm it mailed, which moves every case of the run on in one
 * transaction. A run can be cancelled until it is mailed, and its letters wait again.
 */
@Injectable()
export class PrintRunsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async create(staff: StaffPrincipal, body: CreatePrintRunBody): Promise<PrintRunView> {
    const runId = await this.db.$transaction(async (tx) => {
      const cases = await tx.pinResetCase.findMany({
        where: { id: { in: body.caseIds }, ...sameMunicipalityAs(staff) },
        select: { id: true, state: true, letters: { where: { status: { not: 'superseded' } }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, status: true, createdAt: true } } },
      });
      const byId = new Map(cases.map((c) => [c.id, c]));
      const details: FieldProblem[] = [];
      body.caseIds.forEach((caseId, i) => {
        const found = byId.get(caseId);
        const problem = unprintable(found?.letters[0], found?.state);
        if (problem) details.push({ path: `caseIds.${i}`, ...problem });
      });
      if (details.length) throw new UnprocessableEntityException({ code: 'letters_not_printable', message: '印刷できない照会書が含まれています。', details });

      // Oldest letter first, whatever order they were picked in: the order the waiting list shows.
      const letters = cases.map((c) => c.letters[0]!).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
      const run = await tx.printRun.create({
        data: { officeId: staff.officeId, createdById: staff.id, letterCount: letters.length, printedOn: dateColumn(this.clock.today()) },
      });
      const taken = await tx.$executeRaw`
        UPDATE inquiry_letters AS l
        SET status = 'printed', print_run_id = ${run.id}::uuid, print_run_position = v.position, updated_at = now()
        FROM unnest(${letters.map((l) => l.id)}::uuid[], ${letters.map((_, i) => i)}::int[]) AS v(id, position)
        WHERE l.id = v.id AND l.status = 'ready'`;
      // Another run took some of these letters first.
      if (taken !== letters.length) throw new ConflictException({ code: 'letters_taken', message: '選んだ照会書の一部は、他の印刷バッチに入りました。一覧を更新してやり直してください。', details: [] });
      await tx.outboxMessage.create({ data: { job: JOB.renderPrintRun, payload: { printRunId: run.id } } });
      return run.id;
    });
    return this.view(runId);
  }

  async list(staff: StaffPrincipal, query: PrintRunListQuery): Promise<{ rows: PrintRunSummary[]; from: number; total: number }> {
    const f = query.filter ?? {};
    const and: Prisma.PrintRunWhereInput[] = [sameMunicipalityAs(staff)];
    if (f.id) and.push({ id: { in: f.id } });
    if (f.status) and.push({ status: Array.isArray(f.status) ? { in: f.status } : f.status });
    if (f.officeId) and.push({ officeId: f.officeId });
    const where = { AND: and };
    const [sortField, sortOrder] = query.sort ?? ['createdAt', 'DESC'];
    const [from, to] = query.range ?? [0, 24];
    const [rows, total] = await this.db.$transaction([
      this.db.printRun.findMany({ where, orderBy: [{ [sortField]: sortOrder === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }], skip: from, take: Math.min(to - from + 1, MAX_PAGE), select: PRINT_RUN_SUMMARY_SELECT }),
      this.db.printRun.count({ where }),
    ]);
    return { rows: rows.map(toPrintRunSummary), from, total };
  }

  async findOne(staff: StaffPrincipal, id: string): Promise<PrintRunView> {
    await this.ownRun(staff, id);
    return this.view(id);
  }

  async pdf(staff: StaffPrincipal, id: string): Promise<{ pdf: Buffer; sha256: string; printedOn: Date }> {
    if (!isUuid(id)) throw new NotFoundException(PRINT_RUN_NOT_FOUND);
    const run = await this.db.printRun.findFirst({ where: { id, ...sameMunicipalityAs(staff) }, select: { status: true, pdf: true, pdfSha256: true, printedOn: true } });
    if (!run) throw new NotFoundException(PRINT_RUN_NOT_FOUND);
    if (run.status === 'rendering' || run.status === 'cancelled' || !run.pdf || !run.pdfSha256) throw statusConflict(run.status === 'cancelled' ? 'cancelled' : 'rendering');
    return { pdf: Buffer.from(run.pdf), sha256: run.pdfSha256, printedOn: run.printedOn };
  }

  /**
   * 発送済みの確認: every letter of the run is mailed today, except those staff held back; each
   * case awaiting its first letter moves to `inquiry_mailed`, with a history entry, in one
   * transaction. A letter whose case no longer awaits it (cancelled meanwhile) must be held back:
   * the answer names it rather than mailing it.
   */
  async confirmMailed(staff: StaffPrincipal, id: string, body: ConfirmMailedBody): Promise<PrintRunView> {
    const decision = decideTransition({ route: 'voluntary_agent', from: 'received', to: 'inquiry_mailed', role: staff.role });
    if (!decision.ok) throw new ForbiddenException({ code: decision.problem.code, message: decision.problem.message, details: [] });
    await this.db.$transaction(async (tx) => {
      const status = await this.lockRun(tx, staff, id);
      if (status !== 'ready') throw statusConflict(status);
      const letters = await tx.inquiryLetter.findMany({
        where: { printRunId: id },
        orderBy: { printRunPosition: 'asc' },
        select: { id: true, caseId: true, case: { select: { state: true, receiptNumber: true } } },
      });
      const withheld = new Set(body.withheldCaseIds ?? []);
      const inRun = new Set(letters.map((l) => l.caseId));
      const details: FieldProblem[] = [];
      (body.withheldCaseIds ?? []).forEach((caseId, i) => {
        if (!inRun.has(caseId)) details.push({ path: `withheldCaseIds.${i}`, code: 'case_not_in_run', message: 'この印刷バッチにない申請です。' });
      });
      for (const l of letters) {
        if (mailingEffect(l.case.state) === 'hold_back' && !withheld.has(l.caseId)) {
          details.push({ path: `letters.${l.case.receiptNumber}`, code: 'letter_must_be_held_back', message: `${l.case.receiptNumber} は「${CASE_STATE.labels[l.case.state]}」です。この照会書は発送せず、発送しなかったものとして指定してください。` });
        }
      }
      if (details.length) throw new UnprocessableEntityException({ code: 'print_run_not_mailable', message: '発送の確認ができません。発送しない照会書を確認してください。', details });

      const today = dateColumn(this.clock.today());
      const mailed = letters.filter((l) => !withheld.has(l.caseId));
      const heldBack = letters.filter((l) => withheld.has(l.caseId));
      await tx.inquiryLetter.updateMany({ where: { id: { in: mailed.map((l) => l.id) } }, data: { status: 'mailed', mailedOn: today } });
      // Held-back letters leave the run; a case that still needs its letter finds it waiting again.
      await tx.inquiryLetter.updateMany({ where: { id: { in: heldBack.map((l) => l.id) } }, data: { status: 'ready', printRunId: null, printRunPosition: null } });

      const first = mailed.filter((l) => mailingEffect(l.case.state) === 'to_inquiry_mailed').map((l) => l.caseId);
      const reissued = mailed.filter((l) => mailingEffect(l.case.state) === 'stays_inquiry_mailed').map((l) => l.caseId);
      const movedOn = await tx.pinResetCase.updateMany({ where: { id: { in: first }, state: 'received' }, data: { state: 'inquiry_mailed', version: { increment: 1 } } });
      const touched = await tx.pinResetCase.updateMany({ where: { id: { in: reissued }, state: 'inquiry_mailed' }, data: { version: { increment: 1 } } });
      // A case changed between the check and the update: start again from what is there now.
      if (movedOn.count !== first.length || touched.count !== reissued.length) {
        throw new ConflictException({ code: 'cases_changed', message: 'この印刷バッチの申請が他の操作で更新されました。もう一度確認してください。', details: [] });
      }
      await tx.caseHistory.createMany({
        data: [
          ...first.map((caseId) => ({ caseId, fromState: 'received' as const, toState: 'inquiry_mailed' as const, actorId: staff.id, note: '照会書を発送しました。' })),
          ...reissued.map((caseId) => ({ caseId, fromState: 'inquiry_mailed' as const, toState: 'inquiry_mailed' as const, actorId: staff.id, note: '再発行した照会書を発送しました。' })),
        ],
      });
      await tx.printRun.update({ where: { id }, data: { status: 'mailed', mailedAt: new Date(), mailedById: staff.id } });
    });
    return this.view(id);
  }

  /** 取消: an unmailed run is dropped; its letters wait for the next run. */
  async cancel(staff: StaffPrincipal, id: string): Promise<PrintRunView> {
    await this.db.$transaction(async (tx) => {
      const status = await this.lockRun(tx, staff, id);
      if (status === 'mailed' || status === 'cancelled') throw statusConflict(status);
      await tx.inquiryLetter.updateMany({ where: { printRunId: id, status: 'printed' }, data: { status: 'ready', printRunId: null, printRunPosition: null } });
      await tx.printRun.update({ where: { id }, data: { status: 'cancelled', cancelledAt: new Date(), cancelledById: staff.id } });
    });
    return this.view(id);
  }

  /** Lock the run for a change, after checking it is the caller's municipality's. */
  private async lockRun(tx: Prisma.TransactionClient, staff: StaffPrincipal, id: string): Promise<keyof typeof STATUS_CONFLICT | 'ready'> {
    await this.ownRun(staff, id, tx);
    const [row] = await tx.$queryRaw<{ status: keyof typeof STATUS_CONFLICT | 'ready' }[]>`SELECT status FROM print_runs WHERE id = ${id}::uuid FOR UPDATE`;
    return row!.status;
  }

  private async ownRun(staff: StaffPrincipal, id: string, db: Prisma.TransactionClient = this.db): Promise<void> {
    if (!isUuid(id) || !(await db.printRun.findFirst({ where: { id, ...sameMunicipalityAs(staff) }, select: { id: true } }))) {
      throw new NotFoundException(PRINT_RUN_NOT_FOUND);
    }
  }

  private async view(id: string): Promise<PrintRunView> {
    return toPrintRunView(await this.db.printRun.findUniqueOrThrow({ where: { id }, select: PRINT_RUN_VIEW_SELECT }));
  }
}
