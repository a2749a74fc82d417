import { Inject, Injectable } from '@nestjs/common';
import { dateColumn, Prisma, type Database } from '@madoguchi/db';
import {
  CASE_STATE,
  decideTransition,
  fiscalYearOf,
  formatDocumentNumber,
  fullName,
  LETTER_STATUS,
  labelText,
  mailingEffect,
  refusal,
  type CaseState,
  MAX_PRINT_RUN_LETTERS,
  type LetterStatus,
  type MailPieceKind,
  type MunicipalityPolicy,
  type Refusal,
} from '@madoguchi/domain';
import { enqueue, renderMailLedger, renderPrintRun } from '@madoguchi/jobs';
import type { StaffPrincipal } from '../auth/principal';
import { isUuid } from '../validation/ids';
import { inScope, ownOffice } from '../scope/scope';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { PolicyService } from '../policy/policy.service';
import { Refused, refused, refusedWith } from '../errors/refused';
import { page, type ListPage } from '../validation/simple-rest';
import type { ConfirmMailedRequest, CreatePrintRunRequest } from '@madoguchi/contract/schemas';
import type { PrintRunListQuery } from './print-run-list';
import { PRINT_RUN_SUMMARY_SELECT, PRINT_RUN_VIEW_SELECT, toPrintRunSummary, toPrintRunView, type PrintRunSummary, type PrintRunView } from './print-run-view';

/** The holder a piece of mail is addressed to, as the ledger copies them. */
const ADDRESSEE = { where: { role: 'holder' as const }, select: { familyName: true, givenName: true, postalCode: true } };
type AddresseeRow = { familyName: string; givenName: string; postalCode: string | null };
/** 郵便の種別 of every piece: ordinary mail that must not be forwarded (転送不要). */
const MAIL_CLASS = '普通・転送不要';

/** A run past what was asked of it. */
const STATUS_CONFLICT = { rendering: 'print_run_not_ready', mailed: 'print_run_already_mailed', cancelled: 'print_run_cancelled' } as const;

function statusConflict(status: keyof typeof STATUS_CONFLICT): Refused {
  return refused(STATUS_CONFLICT[status]);
}

/** Why a picked case's letter cannot go into a run, or nothing when it can. */
function unprintable(letter: { status: LetterStatus } | undefined, caseState: CaseState | undefined, path: string): Refusal | undefined {
  if (caseState === undefined) return refusal('case_not_found', undefined, path);
  if (!letter) return refusal('case_has_no_letter', undefined, path);
  if (mailingEffect(caseState) === 'hold_back') return refusal('case_not_awaiting_letter', { state: labelText(CASE_STATE, caseState) }, path);
  if (letter.status !== 'ready') return refusal('letter_not_ready', { status: labelText(LETTER_STATUS, letter.status) }, path);
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
    private readonly policies: PolicyService,
  ) {}

  async create(staff: StaffPrincipal, body: CreatePrintRunRequest): Promise<PrintRunView> {
    const runId = await this.db.$transaction(async (tx) => {
      const cases = body.caseIds.length
        ? await tx.pinResetCase.findMany({
            where: { id: { in: body.caseIds }, ...inScope(staff) },
            select: {
              id: true,
              state: true,
              letters: {
                where: { status: { not: 'superseded' } },
                orderBy: { createdAt: 'desc' },
                take: 1,
                select: { id: true, status: true, createdAt: true },
              },
            },
          })
        : [];
      const byId = new Map(cases.map((c) => [c.id, c]));
      const details = body.caseIds.flatMap((caseId, i) => {
        const found = byId.get(caseId);
        return unprintable(found?.letters[0], found?.state, `caseIds.${i}`) ?? [];
      });
      if (details.length) throw refusedWith('letters_not_printable', details);

      // Oldest letter first, whatever order they were picked in: the order the waiting list shows.
      const letters = cases.map((c) => c.letters[0]!).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
      // The completion notices waiting at this office go in after the letters, oldest first.
      const notices = await tx.completionNotice.findMany({
        where: { status: 'ready', case: { officeId: staff.officeId } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: MAX_PRINT_RUN_LETTERS,
        select: { id: true },
      });
      if (!letters.length && !notices.length) throw refused('print_run_empty', undefined, 'caseIds');
      const run = await tx.printRun.create({
        data: {
          officeId: staff.officeId,
          createdById: staff.id,
          letterCount: letters.length,
          noticeCount: notices.length,
          printedOn: dateColumn(this.clock.today()),
        },
      });
      const taken = letters.length
        ? await tx.$executeRaw`
            UPDATE inquiry_letters AS l
            SET status = 'printed', print_run_id = ${run.id}::uuid, print_run_position = v.position, updated_at = now()
            FROM unnest(${letters.map((l) => l.id)}::uuid[], ${letters.map((_, i) => i)}::int[]) AS v(id, position)
            WHERE l.id = v.id AND l.status = 'ready'`
        : 0;
      const takenNotices = notices.length
        ? await tx.$executeRaw`
            UPDATE completion_notices AS n
            SET status = 'printed', print_run_id = ${run.id}::uuid, print_run_position = v.position, updated_at = now()
            FROM unnest(${notices.map((n) => n.id)}::uuid[], ${notices.map((_, i) => i)}::int[]) AS v(id, position)
            WHERE n.id = v.id AND n.status = 'ready'`
        : 0;
      // Another run took some of these first.
      if (taken !== letters.length || takenNotices !== notices.length) throw refused('letters_taken');
      await this.numberLetters(tx, staff, run.id);
      await this.numberNotices(tx, staff, run.id);
      await enqueue(tx, renderPrintRun, { printRunId: run.id }, staff);
      return run.id;
    });
    return this.view(runId);
  }

  /**
   * 文書番号: a letter first going into a print run takes the next numbers of its municipality's
   * fiscal year, in the run's order, in the city's format; a letter numbered before (a cancelled
   * run, a re-render) keeps its own. The sequence row is locked by the upsert until the run commits,
   * so two runs never share a number, and a number once given is never given again.
   */
  private async numberLetters(tx: Prisma.TransactionClient, staff: StaffPrincipal, runId: string): Promise<void> {
    const unnumbered = await tx.inquiryLetter.findMany({
      where: { printRunId: runId, documentNumber: null },
      orderBy: { printRunPosition: 'asc' },
      select: { id: true },
    });
    if (!unnumbered.length) return;
    const { year, numbers } = await this.takeNumbers(tx, staff, 'inquiry', unnumbered.length, (p) => p.documentNumberFormat);
    await tx.$executeRaw`
      UPDATE inquiry_letters AS l
      SET document_number = v.number, document_year = ${year}, document_seq = v.seq, updated_at = now()
      FROM unnest(${unnumbered.map((l) => l.id)}::uuid[], ${numbers.map((n) => n.seq)}::int[], ${numbers.map((n) => n.text)}::text[]) AS v(id, seq, number)
      WHERE l.id = v.id`;
  }

  /** 完了通知の番号: the notices' own series, in the city's format for them, given the same way. */
  private async numberNotices(tx: Prisma.TransactionClient, staff: StaffPrincipal, runId: string): Promise<void> {
    const unnumbered = await tx.completionNotice.findMany({
      where: { printRunId: runId, noticeNumber: null },
      orderBy: { printRunPosition: 'asc' },
      select: { id: true },
    });
    if (!unnumbered.length) return;
    const { year, numbers } = await this.takeNumbers(tx, staff, 'completion_notice', unnumbered.length, (p) => p.completionNoticeNumberFormat);
    await tx.$executeRaw`
      UPDATE completion_notices AS n
      SET notice_number = v.number, notice_year = ${year}, notice_seq = v.seq, updated_at = now()
      FROM unnest(${unnumbered.map((n) => n.id)}::uuid[], ${numbers.map((n) => n.seq)}::int[], ${numbers.map((n) => n.text)}::text[]) AS v(id, seq, number)
      WHERE n.id = v.id`;
  }

  /**
   * The next `count` numbers of a series in the municipality's fiscal year. The sequence row is
   * locked by the upsert until the run commits, so two runs never share a number, and a number once
   * given is never given again.
   */
  private async takeNumbers(
    tx: Prisma.TransactionClient,
    staff: StaffPrincipal,
    series: 'inquiry' | 'completion_notice',
    count: number,
    formatOf: (policy: MunicipalityPolicy) => string,
  ): Promise<{ year: number; numbers: { seq: number; text: string }[] }> {
    const { policy } = await this.policies.currentForOffice(staff.officeId);
    const year = fiscalYearOf(this.clock.today());
    const [sequence] = await tx.$queryRaw<{ last: number }[]>`
      INSERT INTO document_number_sequences (municipality_id, series, fiscal_year, last)
      VALUES (${staff.municipalityId}::uuid, ${series}, ${year}, ${count})
      ON CONFLICT (municipality_id, series, fiscal_year) DO UPDATE SET last = document_number_sequences.last + EXCLUDED.last
      RETURNING last`;
    const first = sequence!.last - count + 1;
    return { year, numbers: Array.from({ length: count }, (_, i) => ({ seq: first + i, text: formatDocumentNumber(formatOf(policy), first + i) })) };
  }

  async list(staff: StaffPrincipal, query: PrintRunListQuery): Promise<ListPage<PrintRunSummary>> {
    const f = query.filter ?? {};
    const and: Prisma.PrintRunWhereInput[] = [inScope(staff)];
    if (f.id) and.push({ id: { in: f.id } });
    if (f.status) and.push({ status: Array.isArray(f.status) ? { in: f.status } : f.status });
    if (f.officeId) and.push({ officeId: ownOffice(staff, f.officeId, 'filter.officeId') });
    const where = { AND: and };
    return page(query, ['createdAt', 'DESC'], {
      rows: async (window) => (await this.db.printRun.findMany({ where, ...window, select: PRINT_RUN_SUMMARY_SELECT })).map(toPrintRunSummary),
      count: () => this.db.printRun.count({ where }),
    });
  }

  async findOne(staff: StaffPrincipal, id: string): Promise<PrintRunView> {
    await this.ownRun(staff, id);
    return this.view(id);
  }

  async pdf(staff: StaffPrincipal, id: string): Promise<{ pdf: Buffer; sha256: string; printedOn: Date }> {
    if (!isUuid(id)) throw refused('print_run_not_found');
    const run = await this.db.printRun.findFirst({
      where: { id, ...inScope(staff) },
      select: { status: true, pdf: true, pdfSha256: true, printedOn: true, pdfRemovedAt: true },
    });
    if (!run) throw refused('print_run_not_found');
    if (run.pdfRemovedAt) throw refused('pdf_removed_by_retention');
    if (run.status === 'rendering' || run.status === 'cancelled' || !run.pdf || !run.pdfSha256)
      throw statusConflict(run.status === 'cancelled' ? 'cancelled' : 'rendering');
    return { pdf: Buffer.from(run.pdf), sha256: run.pdfSha256, printedOn: run.printedOn };
  }

  /**
   * 発送済みの確認: every letter of the run is mailed today, except those staff held back; each
   * case awaiting its first letter moves to `inquiry_mailed`, with a history entry, in one
   * transaction. A letter whose case no longer awaits it (cancelled meanwhile) must be held back:
   * the answer names it rather than mailing it.
   */
  async confirmMailed(staff: StaffPrincipal, id: string, body: ConfirmMailedRequest): Promise<PrintRunView> {
    const decision = decideTransition({ route: 'voluntary_agent', from: 'received', to: 'inquiry_mailed', role: staff.role });
    if (!decision.ok) throw new Refused(decision.problem);
    await this.db.$transaction(async (tx) => {
      const status = await this.lockRun(tx, staff, id);
      if (status !== 'ready') throw statusConflict(status);
      // A letter superseded by a correction stays listed in the run (its pages are taken out) and is not mailed.
      const letters = await tx.inquiryLetter.findMany({
        where: { printRunId: id, status: 'printed' },
        orderBy: { printRunPosition: 'asc' },
        select: { id: true, caseId: true, documentNumber: true, case: { select: { state: true, receiptNumber: true, parties: ADDRESSEE } } },
      });
      const withheld = new Set(body.withheldCaseIds ?? []);
      const inRun = new Set(letters.map((l) => l.caseId));
      const details: Refusal[] = [];
      (body.withheldCaseIds ?? []).forEach((caseId, i) => {
        if (!inRun.has(caseId)) details.push(refusal('case_not_in_run', undefined, `withheldCaseIds.${i}`));
      });
      for (const l of letters) {
        if (mailingEffect(l.case.state) === 'hold_back' && !withheld.has(l.caseId)) {
          details.push(
            refusal(
              'letter_must_be_held_back',
              { receiptNumber: l.case.receiptNumber, state: labelText(CASE_STATE, l.case.state) },
              `letters.${l.case.receiptNumber}`,
            ),
          );
        }
      }
      if (details.length) throw refusedWith('print_run_not_mailable', details);

      const today = dateColumn(this.clock.today());
      const mailed = letters.filter((l) => !withheld.has(l.caseId));
      const heldBack = letters.filter((l) => withheld.has(l.caseId));
      await tx.inquiryLetter.updateMany({ where: { id: { in: mailed.map((l) => l.id) } }, data: { status: 'mailed', mailedOn: today } });
      // Held-back letters leave the run; a case that still needs its letter finds it waiting again.
      await tx.inquiryLetter.updateMany({
        where: { id: { in: heldBack.map((l) => l.id) } },
        data: { status: 'ready', printRunId: null, printRunPosition: null },
      });

      const first = mailed.filter((l) => mailingEffect(l.case.state) === 'to_inquiry_mailed').map((l) => l.caseId);
      const reissued = mailed.filter((l) => mailingEffect(l.case.state) === 'stays_inquiry_mailed').map((l) => l.caseId);
      const movedOn = await tx.pinResetCase.updateMany({
        where: { id: { in: first }, state: 'received' },
        data: { state: 'inquiry_mailed', version: { increment: 1 } },
      });
      const touched = await tx.pinResetCase.updateMany({ where: { id: { in: reissued }, state: 'inquiry_mailed' }, data: { version: { increment: 1 } } });
      // A case changed between the check and the update: start again from what is there now.
      if (movedOn.count !== first.length || touched.count !== reissued.length) {
        throw refused('cases_changed');
      }
      await tx.caseHistory.createMany({
        data: [
          ...first.map((caseId) => ({
            caseId,
            fromState: 'received' as const,
            toState: 'inquiry_mailed' as const,
            actorId: staff.id,
            event: 'letter_mailed' as const,
          })),
          ...reissued.map((caseId) => ({
            caseId,
            fromState: 'inquiry_mailed' as const,
            toState: 'inquiry_mailed' as const,
            actorId: staff.id,
            event: 'reissued_letter_mailed' as const,
          })),
        ],
      });
      const notices = await tx.completionNotice.findMany({
        where: { printRunId: id, status: 'printed' },
        orderBy: { printRunPosition: 'asc' },
        select: { id: true, caseId: true, noticeNumber: true, case: { select: { parties: ADDRESSEE } } },
      });
      await tx.completionNotice.updateMany({ where: { id: { in: notices.map((n) => n.id) } }, data: { status: 'mailed', mailedOn: today } });
      const run = await tx.printRun.update({ where: { id }, data: { status: 'mailed', mailedAt: this.clock.now(), mailedById: staff.id } });
      await this.recordLedger(tx, staff, run, [
        ...mailed.map((l) => ({ kind: 'inquiry_letter' as const, caseId: l.caseId, documentNumber: l.documentNumber, parties: l.case.parties })),
        ...notices.map((n) => ({ kind: 'completion_notice' as const, caseId: n.caseId, documentNumber: n.noticeNumber, parties: n.case.parties })),
      ]);
    });
    return this.view(id);
  }

  /**
   * 発送簿: what the run put in the post, a line per piece copied as it was sent, with the count and
   * the postage at the policy's rate; the worker then makes the PDF of the office's day.
   */
  private async recordLedger(
    tx: Prisma.TransactionClient,
    staff: StaffPrincipal,
    run: { id: string; officeId: string },
    pieces: { kind: MailPieceKind; caseId: string; documentNumber: string | null; parties: AddresseeRow[] }[],
  ): Promise<void> {
    const { policy } = await this.policies.currentForOffice(run.officeId);
    const today = this.clock.today();
    await tx.mailLedger.create({
      data: {
        printRunId: run.id,
        officeId: run.officeId,
        mailedOn: dateColumn(today),
        confirmedById: staff.id,
        confirmedAt: this.clock.now(),
        pieceCount: pieces.length,
        postageYen: policy.postageYen,
        postageTotal: policy.postageYen * pieces.length,
        postagePayment: policy.postagePayment,
        lines: {
          create: pieces.map((p, position) => {
            const holder = p.parties[0];
            return {
              position,
              kind: p.kind,
              caseId: p.caseId,
              documentNumber: p.documentNumber ?? '',
              addresseeName: fullName(holder),
              postalCode: holder?.postalCode ?? '',
              mailClass: MAIL_CLASS,
            };
          }),
        },
      },
    });
    await enqueue(tx, renderMailLedger, { officeId: run.officeId, day: today }, staff);
  }

  /** 取消: an unmailed run is dropped; its letters wait for the next run. */
  async cancel(staff: StaffPrincipal, id: string): Promise<PrintRunView> {
    await this.db.$transaction(async (tx) => {
      const status = await this.lockRun(tx, staff, id);
      if (status === 'mailed' || status === 'cancelled') throw statusConflict(status);
      await tx.inquiryLetter.updateMany({ where: { printRunId: id, status: 'printed' }, data: { status: 'ready', printRunId: null, printRunPosition: null } });
      await tx.completionNotice.updateMany({
        where: { printRunId: id, status: 'printed' },
        data: { status: 'ready', printRunId: null, printRunPosition: null },
      });
      await tx.printRun.update({ where: { id }, data: { status: 'cancelled', cancelledAt: this.clock.now(), cancelledById: staff.id } });
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
    if (!isUuid(id) || !(await db.printRun.findFirst({ where: { id, ...inScope(staff) }, select: { id: true } }))) {
      throw refused('print_run_not_found');
    }
  }

  private async view(id: string): Promise<PrintRunView> {
    return toPrintRunView(await this.db.printRun.findUniqueOrThrow({ where: { id }, select: PRINT_RUN_VIEW_SELECT }));
  }
}
