/** `main` run in-process with captured streams, in an English terminal: exit code, stdout, stderr. */
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
  const stdout = capture();
  const stderr = capture();
  const code = await main(argv, { stdout, stderr, env: { LANG: "en_US.UTF-8" } });
  return { code, out: stdout.text(), err: stderr.text() };
}
