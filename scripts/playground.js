#!/usr/bin/env node
// `npm run playground`: the task pane in a plain browser, over a workbook held in the page.
// Plain http on 127.0.0.1 (no certificate warning, reachable from this machine only);
// the add-in's https dev server (`npm run dev-server`) keeps its own port.
//   PORT=4000 npm run playground    another port
//   NO_OPEN=1 npm run playground    do not open a browser
const path = require("path");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const configure = require(path.join(__dirname, "..", "webpack.config.js"));

async function main() {
  const config = configure({}, { mode: "development" });
  const port = Number(process.env.PORT || 3001);
  const server = new WebpackDevServer(
    { ...config.devServer, server: "http", host: "127.0.0.1", port, open: process.env.NO_OPEN ? false : ["/playground.html"] },
    webpack(config),
  );
  await server.start();
  console.log(`CustTier playground: http://127.0.0.1:${port}/playground.html`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
