/** `main` run in-process with captured streams (an English terminal unless told): exit code, stdout, stderr. */
import { Writable } from "node:stream";
import { main } from "../../src/cli/main";

function capture(): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  stream.text = () => chunks.join("");
  return stream;
}

export async function run(...argv: string[]) {
  return runIn({ LANG: "en_US.UTF-8" }, ...argv);
}

/** `main` run with the given environment (its `LANG` picks the language). */
export async function runIn(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, { stdout, stderr, env });
  return { code, out: stdout.text(), err: stderr.text() };
}
