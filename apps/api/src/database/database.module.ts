import { Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { checkIsolationAtStart, createDatabaseClient, type Database } from '@madoguchi/db';
import { poolWaitReporter } from '@madoguchi/platform';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** Injection token of the Prisma client (on the pg adapter); the only way modules reach the database. */
export const DATABASE = Symbol('DATABASE');

@Injectable()
class DatabaseLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Refused in production, said elsewhere: a connection that bypasses row-level security (see checkIsolationAtStart). */
  onApplicationBootstrap(): void {
    checkIsolationAtStart(this.db, { warn: (m) => this.logger.warn(m), fatal: (m) => this.logger.fatal(m) });
  }

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
