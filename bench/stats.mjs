// Figures the benches make of their samples.

/** The middle value of a set of samples (the upper of the two middle ones for an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
