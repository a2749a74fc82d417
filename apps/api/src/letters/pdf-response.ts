import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/** Stored PDF bytes as a response: shown inline, named, tagged with their SHA-256, never cached on a shared machine. */
export function sendPdf(res: Response, pdf: Buffer, sha256: string, filename: string): StreamableFile {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('ETag', `"${sha256}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(pdf);
}
