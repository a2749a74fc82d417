import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { RequirementsController } from './requirements.controller';
import { RequirementsService } from './requirements.service';

@Module({ imports: [PolicyModule], controllers: [RequirementsController], providers: [RequirementsService] })
export class RequirementsModule {}
