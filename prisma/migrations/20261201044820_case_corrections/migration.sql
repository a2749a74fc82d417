-- AlterEnum
ALTER TYPE "HistoryEvent" ADD VALUE 'corrected';

-- AlterEnum
ALTER TYPE "LetterReissueReason" ADD VALUE 'corrected';
