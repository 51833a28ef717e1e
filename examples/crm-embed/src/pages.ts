/** The HTML of the three demo pages; scripts are served beside them as `/app.js`. */

const shell = (title: string, body: string, globals: Record<string, string>) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 1rem; color: #1d2733; }
  table { border-collapse: collapse; } td, th { padding: .25rem .75rem; text-align: left; }
  iframe { border: 1px solid #c4ccd6; width: 360px; height: 320px; }
  #screen-pop { border-left: 4px solid #2f6fde; padding: .25rem .75rem; background: #eef4ff; }
  main { display: flex; gap: 1.5rem; flex-wrap: wrap; }
</style>
<script>${Object.entries(globals)
  .map(([name, value]) => `window.${name} = ${JSON.stringify(value)};`)
  .join('\n')}</script>
</head>
<body>
${body}
<script type="module" src="/app.js"></script>
</body>
</html>`;

/** The CRM page: contacts with click-to-dial, the screen pop, the activity log, the desk frame. */
export function crmPage(options: {
  deskUrl: string | null;
  hostileUrl: string | null;
  deskOrigin: string;
}): string {
  const frames = [
    options.hostileUrl ? `<iframe title="Advertisement" src="${options.hostileUrl}"></iframe>` : '',
    options.deskUrl
      ? `<iframe id="desk" title="Switchboard desk" src="${options.deskUrl}"></iframe>`
      : '<iframe id="desk" title="Switchboard desk"></iframe>',
  ].join('\n');
  return shell(
    'Acme CRM',
    `<h1>Acme CRM</h1>
<p id="bridge" role="status">Waiting for the desk…</p>
<main>
<section aria-labelledby="people">
<h2 id="people">Contacts</h2>
<table>
<tr><th>Name</th><th>Phone</th><th></th></tr>
<tr data-name="Grace Hopper"><td>Grace Hopper</td><td>+1 555 010 2000</td><td><button data-dial="+15550102000" disabled>Call</button></td></tr>
<tr data-name="Alan Turing"><td>Alan Turing</td><td>+44 20 7946 0018</td><td><button data-dial="+442079460018" disabled>Call</button></td></tr>
</table>
<section id="screen-pop" aria-live="polite" hidden><h2></h2><p></p></section>
<h2>Activity</h2>
<ol id="activity" aria-live="polite"></ol>
</section>
${frames}
</main>`,
    { deskOrigin: options.deskOrigin },
  );
}

/** The desk page, framed by the CRM page. */
export function deskPage(crmOrigin: string): string {
  return shell(
    'Switchboard desk',
    `<button id="status" type="button" aria-label="Agent status">offline</button>
<ul id="contacts" aria-label="Contacts"></ul>`,
    { crmOrigin },
  );
}

/** A page on an origin nobody allowed; with `deskUrl` it frames the desk itself. */
export function hostilePage(deskUrl: string | null): string {
  return shell(
    'Not the CRM',
    deskUrl ? `<iframe id="desk" title="Switchboard desk" src="${deskUrl}"></iframe>` : '<p>Ad</p>',
    {},
  );
}
