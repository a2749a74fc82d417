import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { CaseQueryService } from './case-query.service';
import { CaseRegistrationService } from './case-registration.service';
import { CasesController } from './cases.controller';

@Module({ imports: [OfficesModule], controllers: [CasesController], providers: [CaseRegistrationService, CaseQueryService] })
export class CasesModule {}
