import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';
import type { ApiErrorBody, FieldProblem } from '../errors/api-error';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Japanese messages per kind of schema problem (a schema's own Japanese message wins); the `code` stays the schema's. */
function messageFor(issue: z.core.$ZodIssue): string {
  if (JAPANESE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '入力してください。' : '形式が正しくありません。';
    case 'invalid_value':
      return '選択肢から選んでください。';
    case 'too_big':
      return issue.origin === 'array' ? `${issue.maximum}件以内にしてください。` : `${issue.maximum}文字以内で入力してください。`;
    case 'too_small':
      return issue.origin === 'array' ? `${issue.minimum}件以上にしてください。` : '入力してください。';
    case 'invalid_format':
      return '形式が正しくありません。';
    case 'unrecognized_keys':
      return `使えない項目が含まれています（${issue.keys.join(', ')}）。`;
    default:
      return '入力内容が正しくありません。';
  }
}

/**
 * Parse a request body against `schema`, or answer 400 with every offending field
 * (`{code, message, details: [{path, code, message}]}`). Unknown fields are refused by the
 * schemas (strict objects), so nothing unexpected — a PIN, say — can ride along.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const details: FieldProblem[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: messageFor(issue),
  }));
  const response: ApiErrorBody = { code: 'invalid_request', message: '入力内容に誤りがあります。', details };
  throw new BadRequestException(response);
}
