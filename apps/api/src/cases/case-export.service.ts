import { Inject, Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { StreamedAnswer } from '../http/answer';
import { Prisma, type Database } from '@madoguchi/db';
import { CASE_STATE, formatJapaneseDate, japanDate, labelOf, RESET_REASON, ROUTE } from '@madoguchi/domain';
import type { StaffPrincipal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CSV_BOM, csvLine } from '../csv/csv';
import { DATABASE } from '../database/database.module';
import { summarize, type CaseListQuery } from './case-list';
import { caseListOrder, caseListPage, caseListWhere, countCases } from './case-list-statements';

/** Rows read per round: a year of cases goes out in bounded memory. */
const BATCH = 1000;

const HEADER = [
  '受付番号',
  '受付日（和暦）',
  '受付日',
  '窓口',
  '申請者',
  '再設定の理由',
  '状態',
  '本人氏名',
  '本人氏名（カナ）',
  '回答期限（和暦）',
  '回答期限',
  '期限超過',
  '返戻',
];

/**
 * 一覧のCSV: the case list as filtered on screen, as a spreadsheet opens it — the columns the list
 * shows (never more: no birth date, no note, no secret), Japanese dates beside ISO ones, newest
 * first, read and written a batch at a time. Each export is in the audit log with its filter.
 */
@Injectable()
export class CaseExportService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async export(staff: StaffPrincipal, filter: NonNullable<CaseListQuery['filter']>, answer: StreamedAnswer): Promise<void> {
    const today = this.clock.today();
    const where = caseListWhere(staff, filter, today);
    // The most rows one export gives; past it the answer says so and the screen asks for a narrower filter.
    const cap = this.config.EXPORT_ROW_CAP;
    const total = await countCases(this.db, where, cap);
    const rows = Math.min(total, cap);
    await this.db.auditEvent.create({
      data: { actorId: staff.id, municipalityId: staff.municipalityId, action: 'cases_exported', details: { filter, rows, capped: total > cap } },
    });
    const offices = new Map(
      (await this.db.office.findMany({ where: { municipalityId: staff.municipalityId }, select: { id: true, name: true } })).map((o) => [o.id, o.name]),
    );

    // From here the rows are written as they are read: the answer is this method's, not the framework's.
    answer.hijack();
    const res = answer.raw;
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="cases-${today}.csv"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Total-Count', String(rows));
    if (total > cap) res.setHeader('X-Total-Capped', 'true');
    res.setHeader('Access-Control-Expose-Headers', 'X-Total-Count, X-Total-Capped');
    try {
      await this.writeRows(res, where, rows, offices, today);
    } catch (error) {
      // Past its first line the download cannot turn into an error answer: it is cut short instead.
      res.destroy();
      throw error;
    }
    res.end();
  }

  private async writeRows(res: ServerResponse, where: Prisma.Sql, rows: number, offices: Map<string, string>, today: string): Promise<void> {
    await write(res, CSV_BOM + csvLine(HEADER));
    let after: { createdAt: Date; id: string } | undefined;
    for (let sent = 0; sent < rows;) {
      // Keyset pages (newest first, id breaking ties): every round costs the same, however deep.
      const page = after ? Prisma.sql`${where} AND (c.created_at, c.id) < (${after.createdAt}, ${after.id}::uuid)` : where;
      const batch = await caseListPage(this.db, page, caseListOrder('createdAt', 'desc', 'desc'), { skip: 0, take: Math.min(BATCH, rows - sent) });
      if (!batch.length) break;
      let text = '';
      for (const row of batch) {
        const c = summarize(row, today);
        const created = japanDate(row.createdAt);
        text += csvLine([
          c.receiptNumber,
          formatJapaneseDate(created),
          created,
          offices.get(c.officeId) ?? '',
          labelOf(ROUTE, c.route, 'ja'),
          labelOf(RESET_REASON, row.reason, 'ja'),
          labelOf(CASE_STATE, c.state, 'ja'),
          c.holderName,
          c.holderKana,
          c.replyDeadline ? formatJapaneseDate(c.replyDeadline) : '',
          c.replyDeadline ?? '',
          c.overdue ? '期限超過' : '',
          c.returned ? '返戻' : '',
        ]);
      }
      await write(res, text);
      sent += batch.length;
      const last = batch.at(-1)!;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
}

/** Write, waiting for the socket when its buffer is full (a slow client holds the export, not memory). */
function write(res: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (res.write(text, 'utf8')) return resolve();
    const settle = (error?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      res.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle();
    const onError = (error: Error) => settle(error);
    res.on('drain', onDrain);
    res.on('close', onClose);
    res.on('error', onError);
  });
}
