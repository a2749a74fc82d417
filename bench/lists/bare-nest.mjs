// A NestJS application (the same platform as the API: Fastify) with one endpoint that parses the
// JSON body and answers 201, nothing else: how fast the framework itself goes on this machine.
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

class BareController {
  create(body) {
    return { id: 'bare', received: typeof body };
  }
  root() {
    return 'ok';
  }
}
// Decorators applied by hand: this file is plain JavaScript.
Body()(BareController.prototype, 'create', 0);
HttpCode(201)(BareController.prototype, 'create', Object.getOwnPropertyDescriptor(BareController.prototype, 'create'));
Post('cases')(BareController.prototype, 'create', Object.getOwnPropertyDescriptor(BareController.prototype, 'create'));
Get()(BareController.prototype, 'root', Object.getOwnPropertyDescriptor(BareController.prototype, 'root'));
Controller()(BareController);
class BareModule {}
Module({ controllers: [BareController] })(BareModule);

const app = await NestFactory.create(BareModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(process.env.PORT ?? 3999), '127.0.0.1');
