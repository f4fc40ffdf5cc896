// Flat config: ESLint + typescript-eslint recommended rules, the layering of
// src/ (eslint/layers.mjs), React hooks rules for the pane and playground, and
// the Office add-in rules for code that calls Office.js. `npm run lint`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import layers from "./eslint/layers.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));

const nodeGlobals = Object.fromEntries(
  [
    "require", "module", "exports", "__dirname", "__filename", "process", "console", "Buffer",
    "URL", "URLSearchParams", "TextEncoder", "TextDecoder",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "queueMicrotask",
  ].map((g) => [g, "readonly"]),
);

// Who may import what. A file belongs to the first zone whose `from` covers it;
// `allow` lists the only places it may import from, `deny` places it may not
// (`except` reopens single modules), `packages: false` forbids npm/Node modules.
const SURFACES = ["src/taskpane", "src/playground", "src/cli", "src/functions", "src/bench"];
const HOSTS_APART = "the two hosts never import each other; what they share lives in src/hosts/*.ts or src/hosts/shared/";
// What the pane and the playground may see of the hosts: the interface, its errors, and the one place a host is made.
const HOST_API = ["src/hosts/host", "src/hosts/errors", "src/hosts/open"];
const THROUGH_HOST = "the pane and the playground reach a workbook only through WorkbookHost (src/hosts/host.ts); hosts are made in src/hosts/open.ts";
const zones = [
  {
    name: "src/core", from: ["src/core"], allow: ["src/core"], packages: false,
    why: "core is pure TypeScript shared by every surface: it imports only core (no DOM, Node, Office or packages)",
  },
  { name: "src/hosts/excel", from: ["src/hosts/excel"], deny: ["src/hosts/xlsx", ...SURFACES], why: HOSTS_APART },
  { name: "src/hosts/xlsx", from: ["src/hosts/xlsx"], deny: ["src/hosts/excel", ...SURFACES], why: HOSTS_APART },
  { name: "src/hosts", from: ["src/hosts"], deny: SURFACES, why: "hosts read and apply plans; they know no surface" },
  { name: "src/taskpane", from: ["src/taskpane"], deny: ["src/hosts", "src/playground", "src/cli"], except: HOST_API, why: THROUGH_HOST },
  { name: "src/playground", from: ["src/playground"], deny: ["src/hosts", "src/cli"], except: HOST_API, why: THROUGH_HOST },
  {
    name: "src/functions", from: ["src/functions"], deny: ["src/hosts", "src/taskpane", "src/playground", "src/cli"],
    why: "worksheet functions compute with core only",
  },
  {
    name: "src/cli", from: ["src/cli"], deny: ["src/hosts/excel", "src/taskpane", "src/playground", "src/functions"],
    why: "the command line works on files (src/hosts/xlsx), never on Office.js or the pane",
  },
];

export default tseslint.config(
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "test-output/", "test/fixtures/lint/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { layers },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "layers/imports": ["error", { root, zones }],
    },
  },
  {
    files: ["src/taskpane/**", "src/playground/**", "src/i18n/**"],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // A missing dependency is a stale-value bug, not a style matter.
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Everything that calls Office.js: load before read, sync before read, no sync in loops.
    files: ["src/hosts/excel/**", "src/taskpane/**", "src/functions/**"],
    ignores: ["src/hosts/excel/testing/**"],
    plugins: { "office-addins": officeAddins },
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, "error"])),
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
