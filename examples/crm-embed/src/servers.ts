import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { crmPage, deskPage, hostilePage } from './pages';

/** The three origins of the demo, each its own server on 127.0.0.1. */
export interface EmbedServers {
  /** The CRM page (`/`; `/?hostile` adds a hostile frame, `/?nodesk` leaves the desk out). */
  readonly crm: string;
  /** The desk page, framed by the CRM. */
  readonly desk: string;
  /** A hostile origin (`/embed` frames the desk; `/` forges handshakes when framed). */
  readonly hostile: string;
  /** Stops the servers. */
  close(): Promise<void>;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@switchboard/source'],
  });
  return result.outputFiles[0]?.text ?? '';
}

async function listen(handler: (url: URL) => { type: string; body: string }): Promise<Server> {
  const server = createServer((request, response) => {
    const { type, body } = handler(new URL(request.url ?? '/', 'http://127.0.0.1'));
    response.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const originOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Bundles the pages' scripts and serves the CRM, desk and hostile origins on free ports. */
export async function startEmbedServers(): Promise<EmbedServers> {
  const [crmScript, deskScript, hostileScript] = await Promise.all([
    bundle('./crmPage.ts'),
    bundle('./deskPage.ts'),
    bundle('./hostilePage.ts'),
  ]);
  const origins: { crm?: string; desk?: string; hostile?: string } = {};
  const page = (html: () => string, script: string) => (url: URL) =>
    url.pathname === '/app.js'
      ? { type: 'text/javascript', body: script }
      : { type: 'text/html', body: html() };

  const crm = await listen((url) =>
    page(
      () =>
        crmPage({
          deskOrigin: origins.desk ?? '',
          deskUrl: url.searchParams.has('nodesk') ? null : `${origins.desk}/`,
          hostileUrl: url.searchParams.has('hostile') ? `${origins.hostile}/` : null,
        }),
      crmScript,
    )(url),
  );
  origins.crm = originOf(crm);
  const desk = await listen(page(() => deskPage(origins.crm ?? ''), deskScript));
  origins.desk = originOf(desk);
  const hostile = await listen((url) =>
    page(
      () => hostilePage(url.pathname === '/embed' ? `${origins.desk}/` : null),
      hostileScript,
    )(url),
  );
  origins.hostile = originOf(hostile);

  return {
    crm: origins.crm,
    desk: origins.desk,
    hostile: origins.hostile,
    async close() {
      await Promise.all(
        [crm, desk, hostile].map((server) => new Promise((resolve) => server.close(resolve))),
      );
    },
  };
}
