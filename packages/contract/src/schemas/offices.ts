import { isIsoMonth, type OfficeHours } from '@madoguchi/domain';
import { z } from 'zod';

const time = z.string();
const lunch = z.strictObject({ from: time, to: time }).optional();
const openingTimes = z.strictObject({ opens: time, closes: time, lunch });

/** `PUT /api/offices/:id/hours` (the domain's officeHoursRefusals checks the times and dates themselves). */
export const officeHoursSchema = z.strictObject({
  weekly: z.partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), openingTimes),
  specialOpenings: z
    .array(z.strictObject({ date: z.string(), opens: time, closes: time, lunch }))
    .max(366)
    .optional(),
  /** The third Sunday: `{ weekday: 0, nth: 3 }`. */
  closedNthWeekdays: z
    .array(z.strictObject({ weekday: z.number().int(), nth: z.number().int() }))
    .max(35)
    .optional(),
  closedDates: z.array(z.string()).max(366).optional(),
}) satisfies z.ZodType<OfficeHours>;
export type OfficeHoursBody = z.input<typeof officeHoursSchema>;
export type OfficeHoursRequest = z.output<typeof officeHoursSchema>;

/** `GET /api/supervision/open-agent-cases?officeId=`. */
export const supervisionQuerySchema = z.strictObject({ officeId: z.uuid().optional() });

/** `GET /api/reports/monthly`: the month (YYYY-MM) and, to narrow it, one office. */
export const monthlyReportQuerySchema = z.strictObject({
  month: z.string().refine(isIsoMonth, { error: 'month_malformed' }),
  officeId: z.uuid().optional(),
});
