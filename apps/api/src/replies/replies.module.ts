import { Module } from '@nestjs/common';
import { LettersModule } from '../letters/letters.module';
import { RepliesController } from './replies.controller';
import { ReplyLookup } from './reply-lookup.service';

@Module({ imports: [LettersModule], controllers: [RepliesController], providers: [ReplyLookup] })
export class RepliesModule {}
