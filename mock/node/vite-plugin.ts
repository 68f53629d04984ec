// Serves the mock API from the Vite dev (and preview) server, ahead of Vite's own middleware, so
// `npm start` needs no second process.

import type { Plugin } from 'vite';
import { createMockApi, type MockApiOptions } from '../api.js';
import { createMockRequestHandler } from './http.js';

export function renseiMockPlugin(options: MockApiOptions = {}): Plugin {
  // One simulation for the server's lifetime: it survives page reloads and HMR.
  const handler = createMockRequestHandler(createMockApi(options));
  return {
    name: 'rensei-mock-api',
    configureServer(server) {
      server.middlewares.use(handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler);
    },
  };
}
