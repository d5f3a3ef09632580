// The demo server: www/ at /, the built widget (dist/) at /widget/. Loopback only, static files only.
// Serves .wasm as application/wasm, and strict.html under a strict Content-Security-Policy.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const roots = { '/widget/': resolve('dist'), '/': resolve('www') };
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.ts': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

function locate(pathname) {
  for (const [prefix, dir] of Object.entries(roots)) {
    if (pathname.startsWith(prefix)) {
      const file = normalize(join(dir, pathname.slice(prefix.length)));
      return file.startsWith(dir) ? file : null;
    }
  }
  return null;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host ?? 'localhost'}`);
  let file = locate(decodeURIComponent(url.pathname));
  try {
    if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (file.endsWith('strict.html')) headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});
server.listen(port, host, () => console.log(`demo: http://${host}:${port}/`));
