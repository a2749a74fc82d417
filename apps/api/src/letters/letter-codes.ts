import type { Provider } from '@nestjs/common';
import { LetterCodes } from '@madoguchi/platform';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** The letters' check codes under this deployment's LETTER_SECRET (the worker prints them with the same key). */
export const letterCodesProvider: Provider = {
  provide: LetterCodes,
  inject: [API_CONFIG],
  useFactory: (config: ApiConfig) => new LetterCodes(config.LETTER_SECRET),
};
