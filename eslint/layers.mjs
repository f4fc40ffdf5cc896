// ESLint rule `layers/imports`: which folder may import which. Each import is
// resolved against the importing file, so `../../hosts/x` and `../x` are judged
// by where they land, not by how they are spelled. The zones live in
// eslint.config.mjs; test/lint.test.ts lints deliberately wrong imports.
import path from "node:path";

const EXTENSIONS = /\.(tsx?|jsx?|mjs|cjs|json)$/;

/** Repository-relative path of an import target, without extension or `/index`; null for a package. */
function target(root, file, source) {
  if (!source.startsWith(".")) return null;
  const abs = path.resolve(path.dirname(file), source);
  return path.relative(root, abs).split(path.sep).join("/").replace(EXTENSIONS, "").replace(/\/index$/, "");
}

/** `src/hosts` covers `src/hosts` and everything under it; `src/hosts/host` is that one module. */
const covers = (prefix, p) => p === prefix || p.startsWith(prefix + "/");

/** The first zone whose `from` covers the file, or undefined. */
function zoneOf(zones, rel) {
  return zones.find((z) => z.from.some((f) => covers(f, rel)));
}

/** Why `spec` (a path or a package name) is not allowed from `zone`, or null when it is. */
function refusal(zone, spec, isPackage) {
  if (isPackage) return zone.packages === false ? `packages (${spec})` : null;
  if (zone.allow && !zone.allow.some((a) => covers(a, spec))) return spec;
  const denied = (zone.deny ?? []).some((d) => covers(d, spec));
  const excepted = (zone.except ?? []).some((e) => covers(e, spec));
  return denied && !excepted ? spec : null;
}

export const importsRule = {
  meta: {
    type: "problem",
    docs: { description: "Keep each layer to the imports it is allowed (core → plan → hosts → pane)." },
    schema: [
      {
        type: "object",
        properties: { root: { type: "string" }, zones: { type: "array" } },
        required: ["root", "zones"],
        additionalProperties: false,
      },
    ],
    messages: { forbidden: "{{zone}} may not import {{what}}: {{why}}" },
  },
  create(context) {
    const { root, zones } = context.options[0];
    const file = context.physicalFilename ?? context.filename;
    const rel = path.relative(root, file).split(path.sep).join("/");
    const zone = zoneOf(zones, rel);
    if (!zone) return {};
    const check = (node) => {
      if (!node || node.type !== "Literal" || typeof node.value !== "string") return;
      const spec = target(root, file, node.value);
      const what = refusal(zone, spec ?? node.value, spec === null);
      if (what) context.report({ node, messageId: "forbidden", data: { zone: zone.name, what, why: zone.why } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      TSImportType: (n) => check(n.argument?.type === "TSLiteralType" ? n.argument.literal : n.source),
      TSExternalModuleReference: (n) => check(n.expression),
      CallExpression: (n) => {
        if (n.callee.type === "Identifier" && n.callee.name === "require") check(n.arguments[0]);
      },
    };
  },
};

export default { meta: { name: "layers" }, rules: { imports: importsRule } };
