// Builds the Excel add-in (one shared-runtime page: office.js + functions + task pane)
// and, when src/playground/index.tsx exists, the browser playground page.
//
//   npx webpack --mode production    -> dist/, minified, no source maps
//   npx webpack serve --mode development -> https://localhost:<config.dev_server_port>/
//
// Production deployment: set ADDIN_PUBLIC_URL (https, e.g. https://addin.example.com/custtier/)
// and the copied dist/manifest.xml points at it instead of https://localhost:3000/.
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const pkg = require("./package.json");

const ROOT = __dirname;
const DEV_SERVER_PORT = Number((pkg.config && pkg.config.dev_server_port) || 3000);
/** The base URL written in the checked-in manifest.xml. */
const DEV_BASE_URL = `https://localhost:${DEV_SERVER_PORT}/`;

const FILES = {
  functions: "./src/functions/functions.ts",
  functionsZhCn: "src/functions/functions.zh-CN.json",
  taskpane: "./src/taskpane/index.tsx",
  taskpaneHtml: "./src/taskpane/taskpane.html",
  playground: "./src/playground/index.tsx",
  playgroundHtml: "./src/playground/playground.html",
  manifest: "manifest.xml",
  help: "public/help.html",
};

const exists = (p) => fs.existsSync(path.resolve(ROOT, p));

/** Normalised https base URL from ADDIN_PUBLIC_URL (always ending in "/"), or null. */
function publicBaseUrl() {
  const raw = (process.env.ADDIN_PUBLIC_URL || "").trim();
  if (!raw) return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a valid URL: ${raw}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_PUBLIC_URL must use https (Office requires it): ${raw}`);
  }
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/** Rewrites the localhost URLs of manifest.xml to the public deployment URL. */
function rewriteManifest(xml, base) {
  const devOrigin = DEV_BASE_URL.replace(/\/$/, "");
  return xml.split(DEV_BASE_URL).join(base.href).split(devOrigin).join(base.origin);
}

/** office-addin-dev-certs certificates, if they were generated on this machine. */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!fs.existsSync(file("localhost.crt")) || !fs.existsSync(file("localhost.key"))) return null;
  const options = { cert: fs.readFileSync(file("localhost.crt")), key: fs.readFileSync(file("localhost.key")) };
  if (fs.existsSync(file("ca.crt"))) options.ca = fs.readFileSync(file("ca.crt"));
  return options;
}

const PLAYGROUND_FALLBACK_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>CustTier Playground</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

module.exports = (_env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "production";
  const isProduction = mode === "production";
  const hasPlayground = exists(FILES.playground);
  const base = isProduction ? publicBaseUrl() : null;

  const entry = {
    functions: FILES.functions,
    taskpane: FILES.taskpane,
  };
  if (hasPlayground) entry.playground = FILES.playground;

  const plugins = [
    // JSDoc @customfunction -> functions.json; also injects CustomFunctions.associate() calls.
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FILES.functions }),
    // Shared runtime: ONE page loads office.js (template), then functions, then the task pane.
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: FILES.taskpaneHtml,
      chunks: ["functions", "taskpane"],
      chunksSortMode: "manual",
      inject: "head",
      scriptLoading: "defer",
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.{png,svg}", to: "assets/[name][ext]" },
        // Support / "learn more" page referenced by manifest.xml.
        { from: FILES.help, to: "help.html" },
        { from: FILES.functionsZhCn, to: "functions.zh-CN.json", noErrorOnMissing: true },
        {
          from: FILES.manifest,
          to: "manifest.xml",
          ...(base ? { transform: (content) => rewriteManifest(content.toString("utf8"), base) } : {}),
        },
      ],
    }),
  ];
  if (hasPlayground) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "playground.html",
        chunks: ["playground"],
        inject: "head",
        scriptLoading: "defer",
          ...(exists(FILES.playgroundHtml)
          ? { template: FILES.playgroundHtml }
          : { templateContent: PLAYGROUND_FALLBACK_HTML }),
      }),
    );
  }

  const certs = isProduction ? null : devCertificates();

  return {
    mode,
    context: ROOT,
    target: ["web", "es2020"],
    entry,
    output: {
      path: path.resolve(ROOT, "dist"),
      // Stable names: manifest.xml refers to functions.js directly.
      filename: "[name].js",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      clean: true,
    },
    devtool: isProduction ? false : "source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
      // Allow ESM-style "./x.js" imports of TypeScript sources.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(ROOT, "tsconfig.json"),
              compilerOptions: { noEmit: false, sourceMap: !isProduction },
            },
          },
        },
        { test: /\.(png|jpe?g|gif|svg|woff2?)$/i, type: "asset/resource" },
      ],
    },
    plugins,
    optimization: { minimize: isProduction },
    performance: { hints: isProduction ? "warning" : false, maxAssetSize: 800000, maxEntrypointSize: 800000 },
    devServer: {
      port: DEV_SERVER_PORT,
      // functions.json is fetched cross-origin by Excel.
      headers: { "Access-Control-Allow-Origin": "*" },
      server: certs ? { type: "https", options: certs } : "https",
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.rewriteManifest = rewriteManifest;
