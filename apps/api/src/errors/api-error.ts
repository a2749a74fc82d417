/** One offending field of a refused request. */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** The body of every 4xx answer (shared/API.md). */
export interface ApiErrorBody {
  code: string;
  message: string;
  details: FieldProblem[];
}
