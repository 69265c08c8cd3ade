// A tiny static server for the built demo site (target/www) with a stub support endpoint, for
// scripts/www.sh and the browser tests. Listens on 127.0.0.1 only.
//
//   node www/server.mjs [--port 8080] [--root target/www]
//
// POST /api/tickets (JSON) answers {"id": "T-…", "received": true} and keeps the ticket in memory
// (GET /api/tickets lists them) — a stand-in for the edge worker.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8', '.ts': 'text/plain; charset=utf-8', '.cts': 'text/plain; charset=utf-8', '.bin': 'application/octet-stream',
};

function cors(res) {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type, accept');
}

function readBody(req, limit = 1 << 20) {
  return new Promise((ok, fail) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        fail(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/** Handles the stub ticket endpoint; returns false when the request is not for it. */
async function tickets(req, res, store, path) {
  if (req.url.split('?')[0] !== path) return false;
  cors(res);
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
  } else if (req.method === 'POST') {
    let ticket;
    try {
      ticket = JSON.parse(await readBody(req));
    } catch (e) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `invalid JSON: ${e.message}` } }));
      return true;
    }
    if (!ticket || typeof ticket.message !== 'string' || !ticket.message.trim()) {
      res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: '`message` is required' } }));
      return true;
    }
    const id = `T-${1000 + store.length + 1}`;
    store.push({ id, ticket, at: new Date().toISOString() });
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id, received: true }));
  } else if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(store));
  } else {
    res.writeHead(405).end();
  }
  return true;
}

/** Serves `root` and the stub endpoint at /api/tickets. Resolves to {server, url, tickets, close}. */
export function startSite({ root, port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const store = [];
  const server = createServer(async (req, res) => {
    try {
      if (await tickets(req, res, store, '/api/tickets')) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) return res.writeHead(403).end();
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return listen(server, port, host, store);
}

/** Only the stub endpoint (another origin, like the edge worker would be): POST /tickets. */
export function startStubEndpoint({ port = 0, host = '127.0.0.1' } = {}) {
  const store = [];
  const server = createServer(async (req, res) => {
    if (!(await tickets(req, res, store, '/tickets'))) res.writeHead(404).end();
  });
  return listen(server, port, host, store);
}

function listen(server, port, host, store) {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      ok({
        server,
        url: `http://${host}:${actual}/`,
        tickets: store,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const root = arg('root', fileURLToPath(new URL('../target/www', import.meta.url)));
  const first = Number(arg('port', process.env.PORT || 8080));
  let site;
  for (let port = first; !site; port++) {
    try {
      site = await startSite({ root, port });
    } catch (e) {
      if (e.code !== 'EADDRINUSE' || port >= first + 20) throw e;
      console.log(`port ${port} is taken, trying ${port + 1}`);
    }
  }
  console.log(`helpdesk-ai demo: ${site.url}`);
  console.log(`  product page + widget  ${site.url}index.html`);
  console.log(`  triage playground      ${site.url}playground.html`);
  console.log(`  live dashboard         ${site.url}dashboard.html`);
  console.log(`  stub ticket endpoint   ${site.url}api/tickets (POST; GET lists what arrived)`);
  console.log('Ctrl-C stops it.');
}
