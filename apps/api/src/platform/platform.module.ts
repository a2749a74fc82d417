import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PlatformAuth, PlatformGuard } from './platform-auth';
import { PlatformController } from './platform.controller';
import { PlatformService } from './platform.service';

/** The platform's operators: onboarding, suspension, counts (`/api/platform/…`). */
@Module({
  imports: [AuthModule],
  controllers: [PlatformController],
  providers: [PlatformAuth, PlatformGuard, PlatformService],
})
export class PlatformModule {}
