import { Module } from '@nestjs/common';
import { OfficesController } from './offices.controller';
import { OfficesService } from './offices.service';
import { PolicyService } from './policy.service';

@Module({ controllers: [OfficesController], providers: [PolicyService, OfficesService], exports: [PolicyService] })
export class OfficesModule {}
