/** A runtime the project is tested on. */
export interface Runtime {
  /** `node20`, `node24`, `deno` or `bun`. */
  name: string;
  kind: "node" | "deno" | "bun";
  version: string;
  /** The runtime's binary. */
  executable: string;
  /** The command prefix that runs a TypeScript file of this repo with the sources' export condition. */
  command: string[];
}
/** The runtimes found in the checkout at `root`. */
export function runtimes(root: string): Runtime[];
