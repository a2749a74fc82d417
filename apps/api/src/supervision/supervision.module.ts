import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { SupervisionController } from './supervision.controller';
import { QueueOverviewService } from './queue-overview.service';
import { SupervisionService } from './supervision.service';

@Module({ imports: [PolicyModule], controllers: [SupervisionController], providers: [SupervisionService, QueueOverviewService] })
export class SupervisionModule {}
