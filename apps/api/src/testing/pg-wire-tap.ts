import { createServer, connect, type Server, type Socket } from 'node:net';

/** What a client asked PostgreSQL for, read off the wire. */
export interface TappedStatement {
  /** The SQL text, as sent. */
  sql: string;
  /** Which of the API's connections sent it (numbered as they opened). */
  connection: number;
  /** Which round trip of its connection it went in (statements sent before one Sync share one). */
  roundTrip: number;
  /** Whether PostgreSQL was sent its text to parse in that round trip (a statement kept prepared is not). */
  parsed: boolean;
}

/**
 * A TCP relay in front of PostgreSQL that reads what the API sends and records every statement it
 * executes and every round trip it makes, so a test can count them without trusting the code
 * under test to report on itself. Point the API's DATABASE_URL at `url`.
 *
 * Only the client's side of the protocol is read (v3): after the startup message, each message is
 * a type byte and a length. `P` (Parse) carries the SQL of the extended protocol (under a name, for
 * a statement the connection keeps prepared), `B` (Bind) names the statement and `E` (Execute) runs
 * it; `S` (Sync) ends one round trip; `Q` (a simple query: BEGIN, COMMIT) is both.
 */
export class PgWireTap {
  readonly statements: TappedStatement[] = [];
  roundTrips = 0;
  private readonly sockets = new Set<Socket>();
  private connections = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(databaseUrl: string): Promise<PgWireTap> {
    const target = new URL(databaseUrl);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    const tap = new PgWireTap(server, url.toString());
    server.on('connection', (client) => tap.relay(client, target.hostname, Number(target.port || 5432)));
    return tap;
  }

  /** Forget what was recorded: the next request is counted alone. */
  reset(): void {
    this.statements.length = 0;
    this.roundTrips = 0;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, host: string, port: number): void {
    const upstream = connect(port, host);
    this.sockets.add(client).add(upstream);
    const reader = new ClientMessages(this, ++this.connections);
    client.on('data', (chunk) => {
      reader.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  }

  /** Called by a connection's reader. */
  message(type: string, body: Buffer, parsed: { sql?: string; parsed: boolean; roundTrip: number }, connection: number): void {
    if (type === 'Q') {
      this.statements.push({ sql: cstring(body, 0), connection, roundTrip: parsed.roundTrip, parsed: true });
      this.roundTrips++;
    } else if (type === 'E') {
      this.statements.push({ sql: parsed.sql ?? '', connection, roundTrip: parsed.roundTrip, parsed: parsed.parsed });
    } else if (type === 'S') {
      this.roundTrips++;
    }
  }
}

/** Splits one connection's client bytes into messages; remembers the SQL of each statement it parsed, and which one it bound. */
class ClientMessages {
  private buffer = Buffer.alloc(0);
  private started = false;
  /** The statements parsed, by name ('' the unnamed one). */
  private readonly statements = new Map<string, string>();
  private readonly parsedThisTrip = new Set<string>();
  private bound = '';
  private roundTrips = 0;

  constructor(
    private readonly tap: PgWireTap,
    private readonly connection: number,
  ) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        // SSLRequest and GSSENCRequest come before the real startup message.
        if (code !== 80877103 && code !== 80877104) this.started = true;
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      const type = String.fromCharCode(this.buffer[0]!);
      const body = this.buffer.subarray(5, 1 + length);
      if (type === 'P') {
        const name = cstring(body, 0);
        this.statements.set(name, cstring(body, body.indexOf(0) + 1));
        this.parsedThisTrip.add(name);
      } else if (type === 'B') {
        this.bound = cstring(body, body.indexOf(0) + 1);
      }
      const sql = this.statements.get(this.bound);
      this.tap.message(type, body, { sql, parsed: this.parsedThisTrip.has(this.bound), roundTrip: this.roundTrips }, this.connection);
      if (type === 'S' || type === 'Q') {
        this.roundTrips++;
        this.parsedThisTrip.clear();
      }
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

function cstring(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(0, start);
  return buffer.toString('utf8', start, end < 0 ? buffer.length : end);
}
