import { Global, Injectable, Module } from '@nestjs/common';
import { japanDate } from '@madoguchi/domain';

/** The only place the API reads the time, so tests can set it. Dates are Japan's calendar. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today in Japan as YYYY-MM-DD. */
  today(): string {
    return japanDate(this.now());
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
