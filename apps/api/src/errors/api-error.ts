export type { ApiError as ApiErrorBody, ApiErrorDetail as FieldProblem } from '@madoguchi/contract';
