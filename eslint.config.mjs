import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['**/dist/**', '**/src/generated/**', '**/node_modules/**', '**/.turbo/**', '.data/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // Japanese text uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      'no-console': 'off',
    },
  },
  {
    // The counter's rules stay pure: no framework, database, UI or I/O inside packages/domain.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'crypto'], message: 'packages/domain does no I/O.' },
            {
              group: ['@nestjs/*', '@prisma/*', 'react', 'react-admin', '@madoguchi/db', '@madoguchi/platform', 'pino', 'bullmq', 'ioredis'],
              message: 'packages/domain holds pure rules only.',
            },
          ],
        },
      ],
    },
  },
  {
    // A "no" is a Refused (apps/api/src/errors/refused.ts) with a code from the domain's catalogue;
    // only the exception filter knows HTTP statuses and Nest's exceptions.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/errors/http-exception.filter.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.system-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name=/Exception$/]',
          message: 'Throw refused(code) from apps/api/src/errors/refused.ts; the exception filter maps it to HTTP.',
        },
        { selector: 'ThrowStatement > CallExpression[callee.name=/Exception$/]', message: 'Throw refused(code) from apps/api/src/errors/refused.ts.' },
      ],
    },
  },
);
