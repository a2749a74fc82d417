import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { REDIS } from '../redis/redis.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SharedThrottleStorage } from './shared-throttle-storage';
import { MunicipalityScopeInterceptor } from '../scope/municipality-scope.interceptor';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => {
        // The secret as a key object made once: given a string, jsonwebtoken tries it as a public
        // key first (an exception caught) on every request — a fifth of the API's CPU under load.
        const key = createSecretKey(Buffer.from(config.AUTH_SECRET, 'utf8'));
        return { privateKey: key, publicKey: key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
    // Counted in Redis, so the limits hold across the API processes behind the balancer.
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG, REDIS],
      useFactory: (config: ApiConfig, redis: Redis) => ({
        throttlers: [
          { name: 'login', ttl: 60_000, limit: config.LOGIN_ATTEMPTS_PER_MINUTE },
          { name: 'replyLookup', ttl: 60_000, limit: config.REPLY_LOOKUPS_PER_MINUTE },
        ],
        storage: new SharedThrottleStorage(redis, config.THROTTLE_PREFIX ?? config.REDIS_PREFIX),
      }),
    }),
  ],
  controllers: [AuthController],
  exports: [JwtModule],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_INTERCEPTOR, useClass: MunicipalityScopeInterceptor }],
})
export class AuthModule {}
