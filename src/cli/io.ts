/** The terminal a CLI run talks to: real streams in bin/custtier.js, captured ones in tests. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}
