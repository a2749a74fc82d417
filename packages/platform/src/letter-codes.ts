import { createHmac } from 'node:crypto';
import { checkCodeFor, verifyCheckCode, type CheckCodeVerdict, type MessageAuthenticator } from '@madoguchi/domain';

/** HMAC-SHA-256 under a secret: the keyed MAC behind the letters' check codes (確認コード). */
export function hmacAuthenticator(secret: string): MessageAuthenticator {
  return (message) => createHmac('sha256', secret).update(message).digest();
}

/**
 * The check codes of one deployment's letters, keyed by LETTER_SECRET: the worker prints them,
 * the API verifies what the counter types back from a returned reply.
 */
export class LetterCodes {
  private readonly mac: MessageAuthenticator;

  constructor(secret: string) {
    this.mac = hmacAuthenticator(secret);
  }

  checkCodeFor(inquiryNumber: string): string {
    return checkCodeFor(inquiryNumber, this.mac);
  }

  verify(inquiryNumber: string, typedCheckCode: string): CheckCodeVerdict {
    return verifyCheckCode(inquiryNumber, typedCheckCode, this.mac);
  }
}
