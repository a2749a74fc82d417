import { Module } from '@nestjs/common';
import { MonthlyReportService } from './monthly-report.service';
import { ReportsController } from './reports.controller';

@Module({ controllers: [ReportsController], providers: [MonthlyReportService] })
export class ReportsModule {}
