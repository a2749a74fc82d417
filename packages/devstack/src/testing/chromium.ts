import { accessSync } from 'node:fs';

/** Debian's Chromium (`apt-get install -y chromium fonts-noto-cjk`); never a browser a tool downloads. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this machine needs: no sandbox as root, no GPU, and no calls home (its network is closed). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=ja-JP',
];

/** Stops with how to install Chromium when it is not there, rather than a launch error. */
export function assertChromium(): void {
  try {
    accessSync(CHROMIUM_PATH);
  } catch {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`);
  }
}
