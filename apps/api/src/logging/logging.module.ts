import { Module } from '@nestjs/common';
import { loggerOptions, scrubSecrets } from '@madoguchi/platform';
import { LoggerModule } from 'nestjs-pino';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Request logs through pino, with the platform's redaction. Request bodies are never logged;
 * query strings can hold a searched name, so only the path is kept — and scrubbed here, because
 * serializers run after the redacting formatter.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({
        pinoHttp: {
          ...loggerOptions('api', config.LOG_LEVEL),
          serializers: {
            req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: scrubSecrets(req.url.split('?')[0]) }),
            res: (res: { statusCode: number | null; raw?: { statusCode: number } }) => ({ statusCode: res.raw?.statusCode ?? res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
