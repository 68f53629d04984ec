// The embedding a page would write: properties set before the element connects, the key as a
// property (the mock's public demo key), the API on this origin (the test runner serves the mock).
const el = document.createElement('rensei-session-list');
Object.assign(el, {
  apiBase: location.origin,
  project: 'web',
  refreshInterval: 0,
  locale: 'en-US',
  detailUrl: '/sessions/{id}',
});
el.token = 'rsk_test_mockdemo0001';
el.style.height = '400px';
el.addEventListener('sessions-load', (event) => window.__csp.loads.push(event.detail));
el.addEventListener('sessions-error', (event) => window.__csp.failures.push(event.detail));
document.getElementById('host').append(el);
