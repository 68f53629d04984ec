// Each of these is refused under default-src 'self', and reported: proof that the probe hears.
try {
  new Function('return 1')();
} catch {
  window.__evalRefused = true;
}
document.addEventListener('DOMContentLoaded', function () {
  document.body.setAttribute('style', 'background: red');
});
