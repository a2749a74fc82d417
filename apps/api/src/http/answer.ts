import type { ServerResponse } from 'node:http';

/**
 * The parts of a request and its answer the API's own code touches, as Fastify's request and reply
 * have them: handlers and filters take these, not the HTTP server's own types.
 */
export interface Asked {
  headers: Record<string, string | string[] | undefined>;
}

/** A request with its own line: the method, the URL, and the route pattern it matched (Fastify's `routeOptions`). */
export interface AskedOfRoute extends Asked {
  method: string;
  url: string;
  routeOptions?: { url?: string };
}

export interface Answer {
  status(code: number): Answer;
  header(name: string, value: string): Answer;
  send(body?: unknown): unknown;
}

/** An answer written by hand as it is made (a streamed download): taken over from the framework first. */
export interface StreamedAnswer extends Answer {
  /** Fastify leaves the answer to the handler from here on: it sends nothing itself. */
  hijack(): unknown;
  raw: ServerResponse;
}
