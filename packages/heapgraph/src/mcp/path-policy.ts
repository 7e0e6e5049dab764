/**
 * Which files the MCP server may read and write: only under the directories the user allowed
 * (`--allow DIR`, the working directory by default), after resolving symlinks, so that no path,
 * relative, absolute or through a link, reaches anything else.
 *
 * @module
 */
import { lstat, mkdir, realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { McpToolError } from "./mcp-error.ts";

/**
 * The allowed directories, resolved once; checks every path a tool is given.
 *
 * @example
 * ```ts
 * const policy = await PathPolicy.create(["."]);
 * const file = await policy.readable("snapshots/app.heapsnapshot"); // the real path, or throws PATH_NOT_ALLOWED
 * ```
 */
export class PathPolicy {
  /** The allowed directories, real paths (symlinks resolved). Relative paths are resolved against the first. */
  readonly roots: readonly string[];
  /** The roots as given (absolute, symlinks not resolved), for the check before the file system is asked. */
  private readonly given: readonly string[];

  private constructor(roots: readonly string[], given: readonly string[]) {
    this.roots = roots;
    this.given = given;
  }

  /**
   * Resolves each directory (relative to the working directory) to its real path. Fails with
   * `PATH_NOT_ALLOWED` when one does not exist or is not a directory: an allowed root must be real.
   *
   * @example
   * ```ts
   * const policy = await PathPolicy.create(["/srv/snapshots", "."]);
   * ```
   */
  static async create(dirs: readonly string[]): Promise<PathPolicy> {
    const roots: string[] = [];
    const given: string[] = [];
    for (const dir of dirs.length > 0 ? dirs : ["."]) {
      given.push(resolve(dir));
      let real: string;
      try {
        real = await realpath(resolve(dir));
      } catch (error) {
        throw new McpToolError("PATH_NOT_ALLOWED", `--allow ${dir}: no such directory`, { cause: error });
      }
      if (!(await stat(real)).isDirectory()) throw new McpToolError("PATH_NOT_ALLOWED", `--allow ${dir}: not a directory`);
      if (!roots.includes(real)) roots.push(real);
    }
    return new PathPolicy(roots, given);
  }

  /**
   * The real path of an existing file under an allowed root. `PATH_NOT_ALLOWED` for anything
   * outside them (checked before the file system is asked, and again after symlinks are
   * resolved), `FILE_NOT_FOUND` for a missing file inside them.
   *
   * @example
   * ```ts
   * const real = await policy.readable("app.heapsnapshot");
   * ```
   */
  async readable(path: string): Promise<string> {
    const wanted = this.lexical(path);
    let real: string;
    try {
      real = await realpath(wanted);
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      if (code === "ENOENT" || code === "ENOTDIR") throw new McpToolError("FILE_NOT_FOUND", `${path}: no such file`, { cause: error });
      throw new McpToolError("BAD_INPUT", `${path}: cannot read (${(error as Error).message})`, { cause: error });
    }
    this.check(real, path);
    return real;
  }

  /**
   * The real path of a directory to write into, under an allowed root, created when missing.
   * `PATH_NOT_ALLOWED` outside the roots (also when a symlink inside points out of them).
   *
   * @example
   * ```ts
   * const dir = await policy.writableDirectory("captures");
   * ```
   */
  async writableDirectory(path: string): Promise<string> {
    const wanted = this.lexical(path);
    // The nearest existing ancestor must really be inside a root before anything is created:
    // a symlink inside a root must not make mkdir create directories outside it.
    let existing = wanted;
    while (!(await exists(existing)) && dirname(existing) !== existing) existing = dirname(existing);
    this.check(await realpath(existing), path);
    try {
      await mkdir(wanted, { recursive: true });
    } catch (error) {
      throw new McpToolError("CANNOT_WRITE", `${path}: cannot create the directory (${(error as Error).message})`, { cause: error });
    }
    const real = await realpath(wanted);
    this.check(real, path);
    if (!(await stat(real)).isDirectory()) throw new McpToolError("CANNOT_WRITE", `${path}: not a directory`);
    return real;
  }

  /** Whether a path is one of `roots` (default: the real roots) or inside one. */
  contains(real: string, roots: readonly string[] = this.roots): boolean {
    return roots.some((root) => {
      const rel = relative(root, real);
      return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
    });
  }

  /** Where relative paths start: the working directory when it is allowed, else the first root. */
  base(): string {
    const cwd = resolve(".");
    return this.contains(cwd, [...this.roots, ...this.given]) ? cwd : this.roots[0]!;
  }

  /** `path` resolved against {@link base}, refused when it is outside every root even before symlinks. */
  private lexical(path: string): string {
    const wanted = resolve(this.base(), path);
    this.check(wanted, path, [...this.roots, ...this.given]);
    return wanted;
  }

  private check(path: string, asGiven: string, roots: readonly string[] = this.roots): void {
    if (!this.contains(path, roots)) {
      throw new McpToolError("PATH_NOT_ALLOWED", `${asGiven}: outside the allowed directories (${this.roots.join(", ")}); the user can allow more with heapgraph mcp --allow DIR`);
    }
  }
}

/** Whether something (a file, a directory, a symlink, even a dangling one) is at `path`. */
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
