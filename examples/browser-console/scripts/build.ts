// Bundles the page with esbuild for the browser: dist/app.js and dist/index.html.
// Inside the netx repository the @netx packages are bundled from their TypeScript
// sources (the "@netx/source" condition), so nothing needs building first.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';

const here = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const inNetxRepository = existsSync(here('../../packages/core/src/index.ts'));

export interface BuiltPage {
  outdir: string;
  /** esbuild's metafile: which modules went into app.js. */
  metafile: Metafile;
}

export async function buildPage(outdir = here('dist')): Promise<BuiltPage> {
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await build({
    entryPoints: [here('src/main.ts')],
    outfile: join(outdir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    conditions: inNetxRepository ? ['@netx/source'] : [],
  });
  copyFileSync(here('index.html'), join(outdir, 'index.html'));
  return { outdir, metafile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outdir } = await buildPage();
  console.log(`built ${outdir}/index.html and app.js`);
}
