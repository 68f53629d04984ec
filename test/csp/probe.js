// Records every CSP violation the page reports, and every uncaught error, for the test to read.
window.__csp = { violations: [], errors: [], loads: [], failures: [] };
document.addEventListener('securitypolicyviolation', function (event) {
  window.__csp.violations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile + ':' + event.lineNumber,
  });
});
window.addEventListener('error', function (event) {
  window.__csp.errors.push(String(event.message));
});
window.addEventListener('unhandledrejection', function (event) {
  window.__csp.errors.push(String(event.reason));
});
