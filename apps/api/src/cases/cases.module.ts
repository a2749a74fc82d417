import { Module } from '@nestjs/common';
import { LettersModule } from '../letters/letters.module';
import { PolicyModule } from '../policy/policy.module';
import { RepliesModule } from '../replies/replies.module';
import { ResidentsModule } from '../residents/residents.module';
import { CaseCorrectionService } from './case-correction.service';
import { CaseExportService } from './case-export.service';
import { CaseQueryService } from './case-query.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseTransitionService } from './case-transition.service';
import { CasesController } from './cases.controller';

@Module({
  imports: [PolicyModule, LettersModule, RepliesModule, ResidentsModule],
  controllers: [CasesController],
  providers: [CaseRegistrationService, CaseQueryService, CaseTransitionService, CaseCorrectionService, CaseExportService],
})
export class CasesModule {}
