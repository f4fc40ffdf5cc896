import { realpathSync, statSync } from "node:fs";

/**
 * Whether writing `output` would overwrite `input`: the same file however it
 * is spelled (`./a.csv`, `a.csv`, a symlink, a hard link, another case on a
 * case-insensitive disk). An output that does not exist yet is never the input.
 */
export function isSameFile(input: string, output: string): boolean {
  let a, b;
  try {
    a = statSync(input, { bigint: true });
    b = statSync(output, { bigint: true });
  } catch {
    return false;
  }
  if (a.ino !== 0n && a.dev === b.dev && a.ino === b.ino) return true;
  // Some file systems report no inode numbers: compare where the links resolve to.
  try {
    return realpathSync.native(input) === realpathSync.native(output);
  } catch {
    return false;
  }
}
