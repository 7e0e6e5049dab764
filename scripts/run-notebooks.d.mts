/** What happened to one notebook in {@link runNotebooks}. */
export interface NotebookResult {
  /** Absolute path of the notebook. */
  notebook: string;
  /** The kernelspec it ran on (`tslab`, `jslab` or `deno`). */
  kernel: string;
  /** Executed without error, every code cell said something, the HTML passed its checks. */
  ok: boolean;
  /** What went wrong, one sentence (with the cell's source and output) per problem. */
  problems: string[];
  /** The exported HTML page, or null when it was not exported. */
  html: string | null;
  /** Where the HTML page was written (inside `outDir`, or a directory removed after the run). */
  htmlFile: string | null;
  /** The executed notebook (nbformat 4 JSON), or null when execution failed. */
  executed: { metadata: Record<string, unknown>; cells: NotebookCell[] } | null;
  seconds: number;
}

export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  execution_count?: number | null;
  outputs?: NotebookOutput[];
}

export interface NotebookOutput {
  output_type: "stream" | "display_data" | "execute_result" | "error";
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}

/** Runs, checks and exports notebooks (default: every notebooks/*.ipynb). Never throws for a bad notebook. */
export function runNotebooks(options?: {
  paths?: string[];
  outDir?: string;
  cellTimeoutSeconds?: number;
  log?: (line: string) => void;
}): Promise<NotebookResult[]>;
