// Serves `/__ssr/session-list.html`: a page whose <rensei-session-list> was rendered here, in Node,
// by @lit-labs/ssr from the sources (through tsx, as the runner's config is loaded), into a
// declarative shadow root. test/ssr/hydrate.test.ts opens it in Chromium and lets it hydrate.
// The sources are imported on the first request, not with the config: a throw in them (a DOM
// global touched on the server) then fails the test that asked, with its stack, not the runner.
import { versionDefine } from '../../scripts/version-define.ts';

export const SSR_PAGE = '/__ssr/session-list.html';

let rendering;

async function renderShell(origin) {
  // The one define the build writes in, as a global: Node runs the sources as they are.
  globalThis.__RENSEI_VERSION__ ??= JSON.parse(versionDefine.__RENSEI_VERSION__);
  const [{ render }, { collectResult }, { html }] = await Promise.all([
    import('@lit-labs/ssr'),
    import('@lit-labs/ssr/lib/render-result.js'),
    import('lit'),
    import('../../src/index.ts'),
  ]);
  return collectResult(
    render(html`<rensei-session-list project="web" api-base=${origin} refresh-interval="0"></rensei-session-list>`),
  );
}

export async function ssrMiddleware(ctx, next) {
  if (ctx.path !== SSR_PAGE) return next();
  ctx.set('Cache-Control', 'no-store');
  try {
    rendering ??= renderShell(ctx.origin);
    const shell = await rendering;
    ctx.type = 'text/html; charset=utf-8';
    // The hydration support loads before Lit does (the entry imports it first), then the element.
    ctx.body = `<!doctype html>
<html lang="de">
  <head><meta charset="utf-8" /><title>SSR</title></head>
  <body>
    ${shell}
    <script type="module" src="/test/ssr/hydrate-entry.ts"></script>
  </body>
</html>`;
  } catch (error) {
    rendering = undefined;
    ctx.status = 500;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = `SSR failed: ${error?.stack ?? error}`;
  }
  return undefined;
}
