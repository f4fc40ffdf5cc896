import type { ModelProblem } from "../../core/validate";

/** The problems located at `path` or inside it (`criteria[0]` holds `criteria[0].bands[2]`). */
export function problemsAt(problems: readonly ModelProblem[], path: string): ModelProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(path + ".") || p.path.startsWith(path + "["));
}
