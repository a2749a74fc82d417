/** A domain code list as react-admin choices: the code as id, its Japanese label as name. */
export const choices = (code: { values: readonly string[]; labels: Readonly<Record<string, string>> }) => code.values.map((id) => ({ id, name: code.labels[id]! }));
