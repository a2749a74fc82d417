import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { checkCodeFor, verifyCheckCode, type CheckCodeVerdict, type MessageAuthenticator } from '@madoguchi/domain';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** HMAC-SHA-256 under a secret: the keyed MAC behind the letters' check codes (確認コード). */
export function hmacAuthenticator(secret: string): MessageAuthenticator {
  return (message) => createHmac('sha256', secret).update(message).digest();
}

@Injectable()
export class LetterCodes {
  private readonly mac: MessageAuthenticator;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.mac = hmacAuthenticator(config.LETTER_SECRET);
  }

  checkCodeFor(inquiryNumber: string): string {
    return checkCodeFor(inquiryNumber, this.mac);
  }

  verify(inquiryNumber: string, typedCheckCode: string): CheckCodeVerdict {
    return verifyCheckCode(inquiryNumber, typedCheckCode, this.mac);
  }
}
