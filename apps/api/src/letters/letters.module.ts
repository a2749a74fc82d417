import { Module } from '@nestjs/common';
import { LetterCodes } from '@madoguchi/platform';
import { letterCodesProvider } from './letter-codes';
import { LetterReissueService } from './letter-reissue.service';
import { CompletionNoticesController } from './completion-notices.controller';
import { LettersController } from './letters.controller';
import { LetterReturnService } from './letter-return.service';
import { LettersService } from './letters.service';

@Module({
  controllers: [LettersController, CompletionNoticesController],
  providers: [letterCodesProvider, LettersService, LetterReissueService, LetterReturnService],
  exports: [LetterCodes, LetterReissueService],
})
export class LettersModule {}
