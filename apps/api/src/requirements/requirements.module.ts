import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { RequirementsController } from './requirements.controller';
import { RequirementsService } from './requirements.service';

@Module({ imports: [OfficesModule], controllers: [RequirementsController], providers: [RequirementsService] })
export class RequirementsModule {}
