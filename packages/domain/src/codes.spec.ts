import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CANCEL_REASON,
  CASE_STATE,
  DOCUMENT_TYPE,
  HISTORY_EVENT,
  RETURN_REASON,
  MAIL_PIECE_KIND,
  POSTAGE_PAYMENT,
  LETTER_REISSUE_REASON,
  LETTER_STATUS,
  PIN,
  PRESENTER,
  PRINT_RUN_STATUS,
  REPRESENTATIVE_KIND,
  RESET_REASON,
  ROLE,
  ROUTE,
} from './codes';

/** The enum values Prisma's schema declares, so the database and the domain cannot drift apart. */
function schemaEnum(name: string): string[] {
  const schema = readFileSync(path.resolve(__dirname, '../../../prisma/schema.prisma'), 'utf8');
  const block = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema);
  if (!block) throw new Error(`enum ${name} not in schema.prisma`);
  return block[1]!
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

describe('codes', () => {
  it.each([
    ['Route', ROUTE],
    ['Pin', PIN],
    ['ResetReason', RESET_REASON],
    ['CaseState', CASE_STATE],
    ['CancelReason', CANCEL_REASON],
    ['LetterStatus', LETTER_STATUS],
    ['PrintRunStatus', PRINT_RUN_STATUS],
    ['LetterReissueReason', LETTER_REISSUE_REASON],
    ['RepresentativeKind', REPRESENTATIVE_KIND],
    ['Role', ROLE],
    ['Presenter', PRESENTER],
    ['DocumentType', DOCUMENT_TYPE],
    ['HistoryEvent', HISTORY_EVENT],
    ['ReturnReason', RETURN_REASON],
    ['MailPieceKind', MAIL_PIECE_KIND],
  ])('%s matches the database enum, in order', (name, code) => {
    expect(code.values).toEqual(schemaEnum(name));
  });

  it('are snake_case, and every one has a Japanese label and an English one', () => {
    for (const code of [
      ROUTE,
      PIN,
      RESET_REASON,
      CASE_STATE,
      CANCEL_REASON,
      LETTER_STATUS,
      LETTER_REISSUE_REASON,
      PRINT_RUN_STATUS,
      DOCUMENT_TYPE,
      ROLE,
      HISTORY_EVENT,
      RETURN_REASON,
      MAIL_PIECE_KIND,
      POSTAGE_PAYMENT,
      MAIL_PIECE_KIND,
      POSTAGE_PAYMENT,
      PRESENTER,
      REPRESENTATIVE_KIND,
    ]) {
      for (const value of code.values) {
        expect(value).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect((code.labels as Record<string, string>)[value]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect((code.labelsEn as Record<string, string>)[value]).toMatch(/^[A-Z][\x20-\x7e–]*$/);
      }
    }
  });

  it('name the states of the contract', () => {
    expect(CASE_STATE.values).toEqual(['received', 'inquiry_mailed', 'reply_returned', 'completed', 'cancelled']);
  });
});
