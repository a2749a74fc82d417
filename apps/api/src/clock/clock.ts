import { Global, Injectable, Module } from '@nestjs/common';

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

const JAPAN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

export function japanDate(instant: Date): string {
  return JAPAN_DATE.format(instant);
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
