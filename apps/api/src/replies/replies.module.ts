import { Module } from '@nestjs/common';
import { LettersModule } from '../letters/letters.module';
import { RepliesController } from './replies.controller';
import { ReplyChecks } from './reply-checks.service';
import { ReplyLookup } from './reply-lookup.service';

@Module({ imports: [LettersModule], controllers: [RepliesController], providers: [ReplyLookup, ReplyChecks], exports: [ReplyChecks] })
export class RepliesModule {}
