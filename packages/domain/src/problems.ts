/** A refusal or a gap, with a stable code for programs and a Japanese message for people. */
export interface Problem {
  code: string;
  message: string;
  /** The input field it concerns, when there is one (e.g. `holder.birthDate`). */
  path?: string;
}

export function problem(code: string, message: string, path?: string): Problem {
  return path === undefined ? { code, message } : { code, message, path };
}
