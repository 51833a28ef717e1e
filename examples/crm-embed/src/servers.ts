import { bundleForBrowser, serveOrigin, type Served } from '../../../tooling/browserTesting';
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

/** Bundles the pages' scripts and serves the CRM, desk and hostile origins on free ports. */
export async function startEmbedServers(): Promise<EmbedServers> {
  const [crmScript, deskScript, hostileScript] = await Promise.all([
    bundleForBrowser(new URL('./crmPage.ts', import.meta.url)),
    bundleForBrowser(new URL('./deskPage.ts', import.meta.url)),
    bundleForBrowser(new URL('./hostilePage.ts', import.meta.url)),
  ]);
  const origins: { crm?: string; desk?: string; hostile?: string } = {};
  const page =
    (html: () => string, script: string) =>
    (url: URL): Served =>
      url.pathname === '/app.js'
        ? { type: 'text/javascript', body: script }
        : { type: 'text/html', body: html() };

  const crm = await serveOrigin((url) =>
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
  origins.crm = crm.origin;
  const desk = await serveOrigin(page(() => deskPage(origins.crm ?? ''), deskScript));
  origins.desk = desk.origin;
  const hostile = await serveOrigin((url) =>
    page(
      () => hostilePage(url.pathname === '/embed' ? `${origins.desk}/` : null),
      hostileScript,
    )(url),
  );
  origins.hostile = hostile.origin;

  return {
    crm: origins.crm,
    desk: origins.desk,
    hostile: origins.hostile,
    async close() {
      await Promise.all([crm, desk, hostile].map((server) => server.close()));
    },
  };
}
