import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { defineConfig, type DefaultTheme } from 'vitepress';

/** The first `# heading` of a guide, for its sidebar entry. */
function titleOf(path: string): string {
  const heading = /^# (.+)$/m.exec(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
  return heading?.[1] ?? path;
}

const page = (path: string): DefaultTheme.SidebarItem => ({
  text: titleOf(`${path}.md`),
  link: `/${path}`,
});

/** One guide per first-party plugin, as the plugins add them under docs/plugins/. */
const pluginGuides = existsSync(new URL('../plugins', import.meta.url))
  ? readdirSync(new URL('../plugins', import.meta.url))
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => page(`plugins/${file.slice(0, -3)}`))
  : [];

export default defineConfig({
  title: 'Switchboard',
  description:
    'The headless, typed contact-centre SDK: agent desks, routing, softphone, CRMs and plugins.',
  srcExclude: ['README.md', 'api/**', 'public/**'],
  cleanUrls: true,
  // Links that leave docs/ point into the repository (packages, examples); the site has no copy.
  ignoreDeadLinks: [/\.\.\/(packages|examples)\//],
  themeConfig: {
    nav: [
      { text: 'Getting started', link: '/getting-started' },
      { text: 'Guides', link: '/concepts' },
      { text: 'API reference', link: '/api/index.html', target: '_self' },
    ],
    sidebar: [
      {
        text: 'Start',
        items: [
          page('getting-started'),
          page('concepts'),
          page('recipes'),
          page('agent-desktop'),
          page('bot'),
        ],
      },
      {
        text: 'Core',
        items: [
          page('core'),
          page('routing'),
          page('supervisor'),
          page('admin'),
          page('tickets'),
          page('kpis'),
          page('privacy'),
          page('history'),
          page('protocol'),
          page('errors'),
        ],
      },
      {
        text: 'Packages',
        items: [page('softphone'), page('crm'), page('bridge'), page('simulator')],
      },
      { text: 'Plugins', items: [page('plugins'), ...pluginGuides] },
      {
        text: 'Reference',
        items: [
          { text: 'API reference (typedoc)', link: '/api/index.html', target: '_self' },
          page('benchmarks'),
        ],
      },
    ],
    search: { provider: 'local' },
  },
});
