/** Installs notebooks/'s dependencies and registers the project-local kernelspecs (idempotent). */
export function setupNotebookKernel(options?: { quiet?: boolean }): {
  /** The value for JUPYTER_PATH (the project's data dir first). */
  jupyterPath: string;
  /** `{ JUPYTER_PATH }`, to merge into a child's environment. */
  env: Record<string, string>;
  /** The Python whose Jupyter runs the notebooks. */
  python: string;
  /** The Node that runs the tslab kernel. */
  node: string;
  /** Kernelspec names registered: `tslab`, `jslab`, and `deno` when the root has Deno. */
  kernels: string[];
};
/** The Python that has jupyter_client, nbconvert and nbclient. Throws when there is none. */
export function findJupyterPython(): string;
