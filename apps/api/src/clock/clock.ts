import { Global, Injectable, Module } from '@nestjs/common';
import { japanDate, type IsoDate } from '@madoguchi/domain';

/**
 * The only place the API reads the time (no service calls `new Date()`), so a test that needs a
 * fixed day overrides this one provider. Dates are Japan's calendar.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today in Japan. */
  today(): IsoDate {
    return japanDate(this.now());
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
