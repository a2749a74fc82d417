import { Module } from '@nestjs/common';
import { MailLedgersController } from './mail-ledgers.controller';
import { MailLedgersService } from './mail-ledgers.service';

@Module({ controllers: [MailLedgersController], providers: [MailLedgersService] })
export class MailLedgersModule {}
