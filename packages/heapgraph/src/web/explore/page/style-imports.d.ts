// The page entry imports its CSS for esbuild to bundle (dist/web-assets/explore.css); for tsc it is a module with no exports.
declare module "*.css";
