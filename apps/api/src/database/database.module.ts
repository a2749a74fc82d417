import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createDatabaseClient, type Database } from '@madoguchi/db';
import { poolWaitReporter } from '@madoguchi/platform';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** Injection token of the Prisma client (on the pg adapter); the only way modules reach the database. */
export const DATABASE = Symbol('DATABASE');

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.$disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => {
        const logger = new Logger('Database');
        return createDatabaseClient(config.DATABASE_URL, {
          poolSize: config.DATABASE_POOL_SIZE,
          onPoolWait: poolWaitReporter((fields, message) => logger.warn({ ...fields, msg: message })),
        });
      },
    },
    DatabaseLifecycle,
  ],
  exports: [DATABASE],
})
export class DatabaseModule {}
