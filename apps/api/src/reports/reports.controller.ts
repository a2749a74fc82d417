import { Controller, Get, Query } from '@nestjs/common';
import { monthlyReportQuerySchema, monthlyReportSchema } from '@madoguchi/contract/schemas';
import type { MonthlyReport } from '@madoguchi/contract';
import { Allow, CurrentStaff, Describe } from '../auth/decorators';
import type { StaffPrincipal } from '../auth/principal';
import { parseBody } from '../validation/parse-body';
import { MonthlyReportService } from './monthly-report.service';

@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: MonthlyReportService) {}

  /** 月報 of the caller's municipality, or of one of its offices. */
  @Describe('月報（月ごとの件数）', { answer: monthlyReportSchema })
  @Get('monthly')
  @Allow('readReports')
  monthly(@Query() query: unknown, @CurrentStaff() staff: StaffPrincipal): Promise<MonthlyReport> {
    const { month, officeId } = parseBody(monthlyReportQuerySchema, query);
    return this.reports.report(staff, month, officeId);
  }
}
