// npm run preview: every sidebar and dialog on http://127.0.0.1:8787, without a Google account.
//
// The pages are the ones `npm run build` ships (scripts/build-ui.mjs), with a `google.script.run` shim injected that
// POSTs each call here; the server runs the real sidebar-api functions over an in-memory copy of
// samples/tinh-doan-mau.xlsx. Nothing is written to disk: stop the server and the changes are gone.
//
//   PORT=9000 TODAY=2023-06-30 npm run preview
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderPages } from './build-ui.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_TODAY = '2023-11-15';
const DEFAULT_SAMPLE = path.join(root, 'samples/tinh-doan-mau.xlsx');

/** Title and size of each page as Sheets opens it (sidebars are 300 px wide; the dialog is a modal). */
export const PAGE_INFO = {
  progress: { title: 'Tiến độ 1+2', width: 300, height: 720 },
  'trip-form': { title: 'Nhập đợt đi cơ sở', width: 300, height: 720 },
  duyet: { title: 'Duyệt đăng ký', width: 300, height: 720 },
  'forms-dialog': { title: 'Tạo biểu mẫu', width: 460, height: 420 },
  settings: { title: 'Cài đặt', width: 300, height: 720 },
};

// google.script.run as Apps Script gives it to a page: a chain of with…Handler calls, then the function by name. A page
// opened as /duyet?as=<email> calls as that person (Sheets knows who is signed in; the preview is told).
const SHIM = `<script>(function(){
  var as = new URLSearchParams(location.search).get('as');
  var query = as ? '?as=' + encodeURIComponent(as) : '';
  function runner(ok, fail) {
    return new Proxy({}, { get: function (_, name) {
      if (name === 'withSuccessHandler') return function (f) { return runner(f, fail); };
      if (name === 'withFailureHandler') return function (f) { return runner(ok, f); };
      if (name === 'withUserObject') return function () { return runner(ok, fail); };
      if (typeof name !== 'string') return undefined;
      return function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/__rpc/' + encodeURIComponent(name) + query, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
          .then(function (r) { return r.json(); })
          .then(function (out) {
            if (out.ok) { if (ok) ok(out.value); }
            else { var e = new Error(out.message); if (fail) fail(e); else console.error(e); }
          })
          .catch(function (err) { var e = new Error('Không kết nối được máy chủ xem trước (npm run preview).'); if (fail) fail(e); else console.error(err); });
      };
    } });
  }
  window.google = { script: {
    run: runner(null, null),
    host: { close: function () { document.body.textContent = 'Hộp thoại đã đóng (bản xem trước).'; }, editor: { focus: function () {} } }
  } };
})();</script>`;

function withShim(html) {
  return html.replace(/<head>/i, (head) => `${head}\n${SHIM}`);
}

async function loadBackend() {
  const result = await build({
    entryPoints: [path.join(root, 'scripts/preview-backend.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  // Inside node_modules so that the bundle's bare imports (exceljs, zod) resolve; one file per start, removed at once.
  const dir = path.join(root, 'node_modules/.cache/dicoso-preview');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `backend-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    await unlink(file).catch(() => undefined);
  }
}

/** One frame per page; Duyệt đăng ký once per role, signed in as that role's person. */
function indexPage(names, url, people) {
  const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const frame = (path, title, info) =>
    `<figure><figcaption><a href="${escape(path)}">${escape(title)}</a> <small>${escape(path)}</small></figcaption><iframe src="${escape(path)}" title="${escape(title)}" width="${info.width}" height="${info.height}"></iframe></figure>`;
  const frames = names
    .flatMap((name) => {
      const info = PAGE_INFO[name] ?? { title: name, width: 300, height: 720 };
      if (name === 'duyet' && people.length > 0) return people.map((p) => frame(`/duyet?as=${encodeURIComponent(p.email)}`, `${info.title}: ${p.role}`, info));
      return [frame(`/${name}`, info.title, info)];
    })
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>dicoso – xem trước</title>
<style>body{font-family:"Google Sans",Roboto,Arial,sans-serif;margin:16px;background:#f1f3f4;color:#202124}
main{display:flex;gap:16px;align-items:flex-start;overflow-x:auto}figure{margin:0}figcaption{margin-bottom:8px;font-weight:500}
iframe{border:1px solid #dadce0;background:#fff;border-radius:8px}</style></head>
<body><h1>dicoso – xem trước các trang</h1><p>Dữ liệu: bản sao trong bộ nhớ của samples/tinh-doan-mau.xlsx (${url}); tải lại máy chủ để làm lại từ đầu.</p>
<main>${frames}</main></body></html>`;
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

function readBody(req, limit = 1_000_000) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts the preview on 127.0.0.1. `port: 0` picks a free port (tests). Returns the base URL, the page names, the
 * backend (its MemoryWorkbook, settings store and recorded calls, for tests) and close().
 */
export async function startPreviewServer({ port = 8787, today = DEFAULT_TODAY, sample = DEFAULT_SAMPLE, host = '127.0.0.1', approvals = false } = {}) {
  const [{ createBackend }, rendered] = await Promise.all([loadBackend(), renderPages()]);
  const backend = await createBackend({ sample, today });
  if (approvals) backend.addApprovalDemo();
  const pages = new Map(rendered.map(({ name, html }) => [name, withShim(html)]));
  let baseUrl = '';

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = decodeURIComponent(url.pathname).replace(/^\/+|\.html$/g, '');
      if (req.method === 'POST' && route.startsWith('__rpc/')) {
        let args;
        try {
          args = JSON.parse((await readBody(req)) || '[]');
        } catch {
          return send(res, 400, 'application/json', JSON.stringify({ ok: false, message: 'Yêu cầu không hợp lệ.' }));
        }
        const as = url.searchParams.get('as');
        const outcome = backend.call(route.slice('__rpc/'.length), Array.isArray(args) ? args : [], as === null ? undefined : as);
        return send(res, 200, 'application/json', JSON.stringify(outcome));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
      if (route === '') return send(res, 200, 'text/html', indexPage([...pages.keys()], baseUrl, backend.people));
      if (route === '__preview/calls') return send(res, 200, 'application/json', JSON.stringify(backend.calls));
      const page = pages.get(route);
      if (page) return send(res, 200, 'text/html', page);
      return send(res, 404, 'text/plain', `Không có trang /${route}. Các trang: ${[...pages.keys()].map((p) => `/${p}`).join(', ')}`);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'Lỗi máy chủ xem trước.');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  baseUrl = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url: baseUrl,
    pages: [...pages.keys()],
    backend,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8787;
  const today = process.env.TODAY || DEFAULT_TODAY;
  try {
    const preview = await startPreviewServer({ port, today, approvals: true });
    console.log(`dicoso – xem trước (hôm nay = ${today}, dữ liệu: samples/tinh-doan-mau.xlsx trong bộ nhớ)`);
    console.log(`  Tất cả các trang:  ${preview.url}/`);
    for (const name of preview.pages) console.log(`  ${(PAGE_INFO[name]?.title ?? name).padEnd(18)} ${preview.url}/${name}`);
    for (const p of preview.backend.people)
      console.log(`  ${'Duyệt đăng ký'.padEnd(18)} ${preview.url}/duyet?as=${encodeURIComponent(p.email)}  (${p.role}${p.name ? `: ${p.name}` : ''})`);
    console.log('Ctrl+C để dừng.');
    const stop = () => void preview.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    if (error && error.code === 'EADDRINUSE') {
      console.error(`Cổng ${port} đang được dùng. Chọn cổng khác: PORT=8788 npm run preview`);
      process.exit(2);
    }
    throw error;
  }
}
