import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// The mock API (`npm run mock` in the package's repo) by default; any Rensei through .env.
const apiBase = import.meta.env.VITE_RENSEI_API_BASE ?? 'http://localhost:4010';
const token = import.meta.env.VITE_RENSEI_TOKEN ?? 'rsk_test_mockdemo0001';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App apiBase={apiBase} token={token} />
  </StrictMode>,
);
