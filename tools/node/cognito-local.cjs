#!/usr/bin/env node
// Starts cognito-local (the pinned npm package) in the current working directory, whose `.cognito`
// folder holds its config and data. Unlike the package's own start script it:
//  - listens on HOST:PORT with PORT=0 allowed, and prints `COGNITO_LOCAL_LISTENING <port>` on stdout once
//    it accepts connections, so callers never race for a "free" port;
//  - logs JSON lines to stderr (no colours), for test output;
//  - exits by itself when the process named by COGNITO_LOCAL_PARENT_PID is gone, so a killed or
//    cancelled test run leaves no server behind.
'use strict';

process.env.HOST = process.env.HOST || '127.0.0.1';
process.env.PORT = process.env.PORT || '0';

const pino = require('pino');
const { createDefaultServer } = require('cognito-local/lib/server');

const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info' }, pino.destination(2));

function watchParent(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return;
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch {
      logger.warn({ parentPid: pid }, 'parent process is gone; stopping cognito-local');
      process.exit(0);
    }
  }, 500);
  timer.unref();
}

async function main() {
  watchParent(Number.parseInt(process.env.COGNITO_LOCAL_PARENT_PID ?? '', 10));
  const server = await (await createDefaultServer(logger)).start();
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('cognito-local started without a TCP address');
  process.stdout.write(`COGNITO_LOCAL_LISTENING ${address.port}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  logger.error(err, 'cognito-local failed to start');
  process.exit(1);
});
