import { type DynamicModule, Module } from '@nestjs/common';
import type { ApiConfig } from './config/api-config';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { ClockModule } from './clock/clock';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LettersModule } from './letters/letters.module';
import { OfficesModule } from './offices/offices.module';
import { PolicyModule } from './policy/policy.module';
import { OpenApiModule } from './openapi/openapi.module';
import { PrintRunsModule } from './print-runs/print-runs.module';
import { MailLedgersModule } from './mail-ledgers/mail-ledgers.module';
import { ReportsModule } from './reports/reports.module';
import { RepliesModule } from './replies/replies.module';
import { LoggingModule } from './logging/logging.module';
import { RedisModule } from './redis/redis.module';
import { RequirementsModule } from './requirements/requirements.module';
import { UsersModule } from './users/users.module';
import { SupervisionModule } from './supervision/supervision.module';
import { ResidentsModule } from './residents/residents.module';
import { PlatformModule } from './platform/platform.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        ClockModule,
        DatabaseModule,
        RedisModule,
        AuthModule,
        HealthModule,
        RequirementsModule,
        CasesModule,
        LettersModule,
        PrintRunsModule,
        MailLedgersModule,
        ReportsModule,
        RepliesModule,
        OfficesModule,
        PolicyModule,
        UsersModule,
        SupervisionModule,
        ResidentsModule,
        PlatformModule,
        OpenApiModule,
      ],
    };
  }
}
