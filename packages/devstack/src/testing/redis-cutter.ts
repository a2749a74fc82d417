import net from 'node:net';

/**
 * A TCP relay in front of Redis that a test can cut and restore: the worker talks to Redis
 * through it, and `cut()` is Redis going away (every connection dropped, new ones refused) without
 * stopping the Redis the rest of the run shares.
 */
export class RedisCutter {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private open = true;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      if (!this.open) return void client.destroy();
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  static async start(redisUrl: string): Promise<RedisCutter> {
    const url = new URL(redisUrl);
    const cutter = new RedisCutter({ host: url.hostname, port: Number(url.port || 6379) });
    await new Promise<void>((resolve) => cutter.server.listen(0, '127.0.0.1', resolve));
    cutter.port = (cutter.server.address() as net.AddressInfo).port;
    return cutter;
  }

  /** The URL to give the process under test. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  cut(): void {
    this.open = false;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.open = true;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
