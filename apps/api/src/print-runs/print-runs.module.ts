import { Module } from '@nestjs/common';
import { PrintRunsController } from './print-runs.controller';
import { PrintRunsService } from './print-runs.service';

@Module({ controllers: [PrintRunsController], providers: [PrintRunsService] })
export class PrintRunsModule {}
