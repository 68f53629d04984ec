// The standalone mock server: `npm run mock -- --port 4010 --seed 1 --speed 30`, so anyone can
// point their own portal at a live, simulated Rensei.

import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createMockApi, DEFAULT_PROJECTS, DEFAULT_SEED, DEFAULT_SPEED, EXAMPLE_API_KEY } from '../api.js';
import { createMockRequestHandler } from './http.js';

const DEFAULT_PORT = 4010;
const DEFAULT_HOST = 'localhost';

const USAGE = `Usage: npm run mock -- [options]

A simulated Rensei API (GET /api/public/sessions) with a live, seeded fleet of sessions.

Options:
  --port <n>        port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <name>     interface to bind (default ${DEFAULT_HOST}; 0.0.0.0 for all)
  --seed <n>        seed of the simulated fleet (default ${DEFAULT_SEED})
  --speed <factor>  how many times faster than real time the fleet lives (default ${DEFAULT_SPEED})
  --time <instant>  freeze the clock at this ISO 8601 instant (move it via POST /__mock/control)
  -h, --help        show this help

Any well-formed key works (rsk_live_… or rsk_test_…, 8+ letters or digits after), as does a
rensei_session cookie with any value. See mock/README.md for projects, faults and the control API.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function numberOption(name: string, text: string, valid: (value: number) => boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !valid(value)) fail(`Invalid --${name}: ${text}`);
  return value;
}

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string', default: String(DEFAULT_PORT) },
        host: { type: 'string', default: DEFAULT_HOST },
        seed: { type: 'string', default: String(DEFAULT_SEED) },
        speed: { type: 'string', default: String(DEFAULT_SPEED) },
        time: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (parsed.time !== undefined && !Number.isFinite(Date.parse(parsed.time))) fail(`Invalid --time: ${parsed.time}`);
  return {
    port: numberOption('port', parsed.port, (port) => Number.isInteger(port) && port >= 0 && port <= 65_535),
    host: parsed.host,
    seed: numberOption('seed', parsed.seed, (seed) => Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32),
    speed: numberOption('speed', parsed.speed, (speed) => speed > 0 && speed <= 100_000),
    time: parsed.time,
  };
}

const { port, host, seed, speed, time } = parseOptions();
const server = createServer(createMockRequestHandler(createMockApi({ seed, speed, time })));

server.on('error', (error) => fail(`Cannot listen on ${host}:${port}: ${error.message}`));
server.listen(port, host, () => {
  const address = server.address();
  const origin = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  const projects = DEFAULT_PROJECTS.map((project) => `${project.slug} (${project.id})`).join(', ');
  process.stdout.write(
    [
      `Rensei mock API on ${origin}  (seed ${seed}, speed ${speed}×${time ? `, clock frozen at ${time}` : ''})`,
      `  projects of org acme: ${projects}`,
      `  try:     curl -H 'Authorization: Bearer ${EXAMPLE_API_KEY}' '${origin}/api/public/sessions?project=web'`,
      `  control: GET ${origin}/__mock/state · POST ${origin}/__mock/control · POST ${origin}/__mock/reset`,
      'Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
});

function shutDown() {
  // Hung requests (the `hang` fault) would otherwise keep the server open forever.
  server.closeAllConnections();
  server.close(() => process.exit(0));
}
process.on('SIGINT', shutDown);
process.on('SIGTERM', shutDown);
