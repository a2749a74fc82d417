import { Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import type { Database } from '@madoguchi/db';
import { EmbeddedResidentRegister } from './embedded-resident-register';
import { HttpResidentRegister } from './http-resident-register';
import { RESIDENT_REGISTER } from './resident-register';
import { ResidentsController } from './residents.controller';

/**
 * 住民記録: the ResidentRegister port and its adapter — the city's resident-record system over
 * HTTP when RESIDENT_REGISTER_URL is set, else the embedded `residents` table.
 */
@Module({
  controllers: [ResidentsController],
  providers: [
    {
      provide: RESIDENT_REGISTER,
      inject: [API_CONFIG, DATABASE],
      useFactory: (config: ApiConfig, db: Database) => (config.RESIDENT_REGISTER_URL ? new HttpResidentRegister(config, db) : new EmbeddedResidentRegister(db)),
    },
  ],
  exports: [RESIDENT_REGISTER],
})
export class ResidentsModule {}
