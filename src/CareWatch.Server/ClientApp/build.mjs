// Bundles the pages' TypeScript modules (src/pages/<page>.ts -> wwwroot/dist/<page>.js) with esbuild.
// Run by the server project's BuildClientApp target on every `dotnet build` whose sources changed, so a build
// or a publish always ships the board; nothing is fetched from a CDN at run time.
import { build } from "esbuild";
import { readdirSync } from "node:fs";

const pages = readdirSync("src/pages").filter(f => f.endsWith(".ts")).map(f => `src/pages/${f}`);
await build({
  entryPoints: pages,
  outdir: "../wwwroot/dist",
  bundle: true,
  format: "esm",
  splitting: true, // modules several pages share (SignalR, text) are loaded once and cached
  chunkNames: "chunks/[name]-[hash]",
  target: ["es2022"],
  minify: true,
  sourcemap: "linked",
  logLevel: "warning",
});
