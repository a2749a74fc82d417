import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { PrintRunsController } from './print-runs.controller';
import { PrintRunsService } from './print-runs.service';

@Module({ imports: [PolicyModule], controllers: [PrintRunsController], providers: [PrintRunsService] })
export class PrintRunsModule {}
