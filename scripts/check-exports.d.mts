/** Problems found in one package directory (package.json vs deno.json: names, exports, npm imports), as sentences. */
export function exportProblems(dir: string): string[];
