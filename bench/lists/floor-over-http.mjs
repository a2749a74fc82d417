// The SQL floors served over HTTP by a NestJS application on the API's platform (Fastify) and
// nothing else: no guard, no validation, no scope, no log — each floor's statements on a pg pool of
// ten as the owner, their rows answered as JSON. What any API on NestJS would cost on this machine
// to serve the same rows to the same load generator, at the least: run.mjs measures it beside the
// floor and the API. `/floor/<n>/login` reads a session's principal first (the login's function,
// SESSION_ID), as every request of the API must.
//   FLOORS='[{"sql":[...],"params":[...]}]' DATABASE_URL=... SESSION_ID=... PORT=... node floor-over-http.mjs
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { paramsFor } from './list-floor.mjs';

const require = createRequire(import.meta.url);
const { Pool } = require('pg');
const floors = JSON.parse(process.env.FLOORS);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

async function answer(n, login) {
  const floor = floors[Number(n)];
  if (login) {
    const { rows } = await pool.query('SELECT * FROM staff_session_principal($1::uuid)', [process.env.SESSION_ID]);
    if (rows.length !== 1) throw new Error('no such session');
  }
  const results = [];
  for (const text of floor.sql) results.push((await pool.query(text, paramsFor(text, floor.params))).rows);
  return { data: results[0], total: results[1]?.[0]?.count };
}
class FloorController {
  floor(n) {
    return answer(n, false);
  }
  floorAfterLogin(n) {
    return answer(n, true);
  }
}
// Decorators applied by hand: this file is plain JavaScript.
const method = (name) => Object.getOwnPropertyDescriptor(FloorController.prototype, name);
Param('n')(FloorController.prototype, 'floor', 0);
Get('floor/:n')(FloorController.prototype, 'floor', method('floor'));
Param('n')(FloorController.prototype, 'floorAfterLogin', 0);
Get('floor/:n/login')(FloorController.prototype, 'floorAfterLogin', method('floorAfterLogin'));
Controller()(FloorController);
class FloorModule {}
Module({ controllers: [FloorController] })(FloorModule);

const app = await NestFactory.create(FloorModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(process.env.PORT ?? 3998), '127.0.0.1');
