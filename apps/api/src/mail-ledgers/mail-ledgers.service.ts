import { Inject, Injectable } from '@nestjs/common';
import { dateColumn, dayOf, type Database } from '@madoguchi/db';
import { isIsoDate, MAIL_PIECE_KIND, POSTAGE_PAYMENT, type IsoDate, type PostagePayment } from '@madoguchi/domain';
import type { MailLedgerDay, MailLedgerView } from '@madoguchi/contract';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { refused } from '../errors/refused';
import { officeIdsInScope } from '../scope/scope';
import { isUuid } from '../validation/ids';
import type { ListPage } from '../validation/simple-rest';
import type { MailLedgerListQuery } from './mail-ledger-list';
import { csv } from '../csv/csv';

/** `YYYY-MM-DD_<officeId>`: one office's day of mailing. */
const ledgerId = (day: IsoDate, officeId: string) => `${day}_${officeId}`;

/**
 * 発送簿: what was put in the post, an office's day at a time (its runs merged), as the print desk
 * lists and prints it: lines, totals, the PDF the worker made, and a CSV a spreadsheet opens.
 * Ledgers are kept; nothing here changes one.
 */
@Injectable()
export class MailLedgersService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(staff: StaffPrincipal, query: MailLedgerListQuery): Promise<ListPage<MailLedgerDay>> {
    const f = query.filter ?? {};
    const offices = officeIdsInScope(staff, f.officeId, 'filter.officeId');
    const where = {
      officeId: { in: offices },
      ...(f.from || f.to ? { mailedOn: { ...(f.from ? { gte: dateColumn(f.from) } : {}), ...(f.to ? { lte: dateColumn(f.to) } : {}) } } : {}),
    };
    const [from, to] = query.range ?? [0, 24];
    const groups = await this.db.mailLedger.groupBy({
      by: ['officeId', 'mailedOn'],
      where,
      _count: { _all: true },
      _sum: { pieceCount: true, postageTotal: true },
      orderBy: [{ mailedOn: 'desc' }, { officeId: 'asc' }],
    });
    const window = groups.slice(from, to + 1);
    const [officeNames, documents] = await Promise.all([
      this.db.office.findMany({ where: { id: { in: offices } }, select: { id: true, name: true } }),
      this.db.mailLedgerDocument.findMany({
        where: window.length ? { OR: window.map((g) => ({ officeId: g.officeId, day: g.mailedOn })) } : { officeId: { in: [] } },
        select: { officeId: true, day: true, runs: true },
      }),
    ]);
    const rows = window.map((g) => {
      const day = dayOf(g.mailedOn);
      const doc = documents.find((d) => d.officeId === g.officeId && dayOf(d.day) === day);
      return {
        id: ledgerId(day, g.officeId),
        officeId: g.officeId,
        officeName: officeNames.find((o) => o.id === g.officeId)?.name ?? '',
        day,
        runs: g._count._all,
        pieceCount: g._sum.pieceCount ?? 0,
        postageTotal: g._sum.postageTotal ?? 0,
        pdfReady: (doc?.runs ?? 0) >= g._count._all,
      };
    });
    return { rows, from, total: groups.length, capped: false };
  }

  async findOne(staff: StaffPrincipal, id: string): Promise<MailLedgerView> {
    const { day, officeId } = this.parseId(staff, id);
    const [office, ledgers, doc] = await Promise.all([
      this.db.office.findUniqueOrThrow({ where: { id: officeId }, select: { name: true } }),
      this.db.mailLedger.findMany({
        where: { officeId, mailedOn: dateColumn(day) },
        orderBy: { confirmedAt: 'asc' },
        include: { lines: { orderBy: { position: 'asc' } }, confirmedBy: { select: { id: true, username: true, displayName: true } } },
      }),
      this.db.mailLedgerDocument.findUnique({ where: { officeId_day: { officeId, day: dateColumn(day) } }, select: { runs: true } }),
    ]);
    if (!ledgers.length) throw refused('mail_ledger_not_found');
    const last = ledgers.at(-1)!;
    return {
      id,
      officeId,
      officeName: office.name,
      day,
      runs: ledgers.length,
      pieceCount: ledgers.reduce((n, l) => n + l.pieceCount, 0),
      postageTotal: ledgers.reduce((n, l) => n + l.postageTotal, 0),
      pdfReady: (doc?.runs ?? 0) >= ledgers.length,
      postageYen: last.postageYen,
      postagePayment: last.postagePayment as PostagePayment,
      lines: ledgers.flatMap((l) =>
        l.lines.map((line) => ({
          kind: line.kind,
          caseId: line.caseId,
          documentNumber: line.documentNumber,
          addresseeName: line.addresseeName,
          postalCode: line.postalCode,
          mailClass: line.mailClass,
        })),
      ),
      confirmations: ledgers.map((l) => ({ by: l.confirmedBy, at: l.confirmedAt.toISOString(), pieces: l.pieceCount })),
    };
  }

  /** The day's PDF as the worker made it; 409 while it does not yet cover every run of the day. */
  async pdf(staff: StaffPrincipal, id: string): Promise<{ pdf: Buffer; sha256: string; day: IsoDate }> {
    // How many runs the day has is all it needs of the ledger: not its lines.
    const { day, officeId } = this.parseId(staff, id);
    const [runs, doc] = await Promise.all([
      this.db.mailLedger.count({ where: { officeId, mailedOn: dateColumn(day) } }),
      this.db.mailLedgerDocument.findUnique({ where: { officeId_day: { officeId, day: dateColumn(day) } } }),
    ]);
    if (!runs) throw refused('mail_ledger_not_found');
    if (!doc || doc.runs < runs) throw refused('mail_ledger_not_rendered');
    return { pdf: Buffer.from(doc.pdf), sha256: doc.pdfSha256, day };
  }

  /** The day's ledger as CSV: a line per piece, then the count and the postage. */
  async csv(staff: StaffPrincipal, id: string): Promise<{ csv: Buffer; day: IsoDate }> {
    const view = await this.findOne(staff, id);
    const rows: (string | number)[][] = [
      ['No.', '種別', '文書番号', '宛名', '郵便番号', '郵便の種別'],
      ...view.lines.map((l, i) => [i + 1, MAIL_PIECE_KIND.labels[l.kind], l.documentNumber, l.addresseeName, l.postalCode, l.mailClass]),
      [],
      ['発送日', view.day],
      ['窓口', view.officeName],
      ['通数', view.pieceCount],
      ['郵便料金（円）', view.postageTotal],
      ['単価（円）', view.postageYen],
      ['支払い', POSTAGE_PAYMENT.labels[view.postagePayment]],
    ];
    return { csv: csv(rows), day: view.day };
  }

  private parseId(staff: StaffPrincipal, id: string): { day: IsoDate; officeId: string } {
    const [day, officeId] = id.split('_');
    if (!isIsoDate(day) || !officeId || !isUuid(officeId) || !staff.municipalityOfficeIds.includes(officeId)) throw refused('mail_ledger_not_found');
    return { day, officeId };
  }
}
