import { StreamableFile } from '@nestjs/common';
import { meSchema } from '@madoguchi/contract/schemas';
import { z } from 'zod';
import { PDF_ANSWER } from '../auth/decorators';
import { answerProblems } from './answer-check';

const me = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'clerk',
  displayName: '窓口 一郎',
  role: 'clerk',
  officeId: '00000000-0000-4000-8000-000000000002',
};
const meRoute = { summary: 'ログイン中の職員', answer: meSchema };

describe('answerProblems', () => {
  it('passes an answer that fits its schema, and a route that answers nothing (204)', () => {
    expect(answerProblems(meRoute, me)).toEqual([]);
    expect(answerProblems({ summary: 'ログアウト' }, undefined)).toEqual([]);
  });

  it('names a field the contract does not have, a missing one and a wrong type', () => {
    expect(answerProblems(meRoute, { ...me, sessionId: 'abc' })).toEqual([expect.stringContaining('sessionId')]);
    const { officeId: _office, ...withoutOffice } = me;
    expect(answerProblems(meRoute, withoutOffice)).toEqual([expect.stringMatching(/^officeId: /)]);
    expect(answerProblems(meRoute, { ...me, role: 'mayor' })).toEqual([expect.stringMatching(/^role: /)]);
  });

  it('checks what goes on the wire: a Date is its ISO string, an undefined field is absent', () => {
    const dated = { summary: 'x', answer: meSchema.extend({ at: z.iso.datetime() }) };
    expect(answerProblems(dated, { ...me, at: new Date('2026-11-30T00:00:00Z') })).toEqual([]);
    expect(answerProblems(meRoute, { ...me, extra: undefined })).toEqual([]);
  });

  it('refuses a JSON answer from a route that declares none, and a file from a route that declares JSON', () => {
    expect(answerProblems({ summary: 'x' }, me)).toEqual(['answers JSON but declares no answer schema']);
    expect(answerProblems(meRoute, new StreamableFile(Buffer.from('%PDF')))).toEqual(['answers a file or text but declares no media type']);
    expect(answerProblems({ summary: 'PDF', answer: PDF_ANSWER }, new StreamableFile(Buffer.from('%PDF')))).toEqual([]);
  });
});
