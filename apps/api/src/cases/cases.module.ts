import { Module } from '@nestjs/common';
import { LettersModule } from '../letters/letters.module';
import { OfficesModule } from '../offices/offices.module';
import { CaseQueryService } from './case-query.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseTransitionService } from './case-transition.service';
import { CasesController } from './cases.controller';

@Module({ imports: [OfficesModule, LettersModule], controllers: [CasesController], providers: [CaseRegistrationService, CaseQueryService, CaseTransitionService] })
export class CasesModule {}
