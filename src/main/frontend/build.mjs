// Bundles the reference page into the directory Maven gives (target/classes/static), served by the gateway at /.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? '../../../target/classes/static';
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ['src/main.jsx'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
});
for (const file of ['index.html', 'styles.css']) {
  copyFileSync(join('src', file), join(out, file));
}
console.log(`reference page built into ${out}`);
