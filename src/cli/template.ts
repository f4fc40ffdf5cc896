import type { Model } from "../core";
import type { TemplateArgs } from "./args";
import type { Io } from "./main";

/** `custtier template`: filled in by the template generator (issue 6). */
export async function runTemplate(_args: TemplateArgs, io: Io, _model: Model): Promise<void> {
  io.stderr.write("custtier template: not available yet\n");
}
