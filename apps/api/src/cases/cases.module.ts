import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { CaseQueryService } from './case-query.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseTransitionService } from './case-transition.service';
import { CasesController } from './cases.controller';
import { LetterCodes } from '../letters/letter-codes';

@Module({ imports: [OfficesModule], controllers: [CasesController], providers: [CaseRegistrationService, CaseQueryService, CaseTransitionService, LetterCodes] })
export class CasesModule {}
