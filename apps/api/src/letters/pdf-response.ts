import { StreamableFile } from '@nestjs/common';
import type { Answer } from '../http/answer';

/** Stored PDF bytes as a response: shown inline, named, tagged with their SHA-256, never cached on a shared machine. */
export function sendPdf(res: Answer, pdf: Buffer, sha256: string, filename: string): StreamableFile {
  res.header('Content-Type', 'application/pdf');
  res.header('Content-Disposition', `inline; filename="${filename}"`);
  res.header('ETag', `"${sha256}"`);
  res.header('Cache-Control', 'private, no-store');
  return new StreamableFile(pdf);
}
