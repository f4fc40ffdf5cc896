// Flat config: ESLint + typescript-eslint recommended rules. `npx eslint src test`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeGlobals = Object.fromEntries(
  [
    "require", "module", "exports", "__dirname", "__filename", "process", "console", "Buffer",
    "URL", "URLSearchParams", "TextEncoder", "TextDecoder",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "queueMicrotask",
  ].map((g) => [g, "readonly"]),
);

export default tseslint.config(
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "test-output/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Plain CommonJS scripts (webpack/jest config, bin/, scripts/).
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: nodeGlobals },
  },
);
