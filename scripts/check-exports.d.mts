/** Problems found in one package directory (package.json vs deno.json exports), as sentences. */
export function exportProblems(dir: string): string[];
