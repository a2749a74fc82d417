import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { MigrationAdapterFactory } from './adapter';

type WasmExports = Record<string, unknown>;
type EngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(exports: WasmExports): void;
};
// Node has WebAssembly; the ES lib typings this project compiles against do not declare it.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmExports } }>;
};

let enginePromise: Promise<EngineModule> | undefined;

/**
 * The engine reports a Rust panic through this global before it aborts; without it the reason
 * is lost ("Cannot read properties of undefined (reading 'set_message')").
 */
const panicRegistry = {
  message: undefined as string | undefined,
  set_message(message: string) {
    this.message = message;
  },
};
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/** Re-throw an engine failure with the panic message, if the engine panicked. */
export function explainEngineError(error: unknown): Error {
  const panic = panicRegistry.message;
  panicRegistry.message = undefined;
  if (panic) return new Error(`Prisma schema engine panicked: ${panic}`);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Prisma's schema engine as WebAssembly (the native binary cannot be downloaded here). The
 * package's entry imports the .wasm file as an ES module, which Node 20 only allows behind a
 * flag, so we instantiate it ourselves, exactly as that entry does.
 */
function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as EngineModule;
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return enginePromise;
}

export interface OpenEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

export async function openSchemaEngine(databaseUrl: string, schemaPath: string): Promise<OpenEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = await readFile(schemaPath, 'utf8');
  const factory = new MigrationAdapterFactory(databaseUrl);
  const log = process.env.MADOGUCHI_MIGRATE_DEBUG ? (line: string) => process.stderr.write(`${line}\n`) : () => undefined;
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
  return {
    engine,
    async close() {
      engine.free();
      await factory.close();
    },
  };
}
