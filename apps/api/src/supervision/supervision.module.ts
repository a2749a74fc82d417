import { Module } from '@nestjs/common';
import { SupervisionController } from './supervision.controller';
import { QueueOverviewService } from './queue-overview.service';
import { SupervisionService } from './supervision.service';

@Module({ controllers: [SupervisionController], providers: [SupervisionService, QueueOverviewService] })
export class SupervisionModule {}
