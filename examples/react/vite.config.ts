import { defineConfig } from 'vite';

// React 19 needs no plugin for custom elements; JSX goes through Vite's own transform.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
});
