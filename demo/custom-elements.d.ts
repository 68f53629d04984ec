// custom-elements.json is generated (npm run analyze) and read by the bundler as JSON; its shape
// is checked where it is read (manifest.ts).
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
