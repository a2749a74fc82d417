import { Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createDatabaseClient, enumEqualityNotLeakproof, isolationBypassed, type Database } from '@madoguchi/db';
import { poolWaitReporter } from '@madoguchi/platform';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** Injection token of the Prisma client (on the pg adapter); the only way modules reach the database. */
export const DATABASE = Symbol('DATABASE');

@Injectable()
class DatabaseLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * A connection that would see every municipality's rows is refused in production and said loudly
   * elsewhere. Asked without holding up the start: a database still away is the readiness check's.
   */
  onApplicationBootstrap(): void {
    void isolationBypassed(this.db).then(
      (reason) => {
        if (!reason) return;
        const msg = `DATABASE_URL must connect as the application's role (madoguchi_app), under row-level security: ${reason}`;
        if (process.env.NODE_ENV !== 'production') return this.logger.warn(msg);
        this.logger.fatal(msg);
        process.exit(1);
      },
      () => undefined,
    );
    void enumEqualityNotLeakproof(this.db).then(
      (reason) => reason && this.logger.warn(reason),
      () => undefined,
    );
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
