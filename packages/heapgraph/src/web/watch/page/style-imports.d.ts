/**
 * Style sheets imported by the page's script for their side effect: esbuild bundles them into
 * `watch.css`; for TypeScript they are modules without exports.
 */
declare module "*.css";
