// The ```ts blocks of the guides in docs/, as the type-check (tooling/checkDocSamples.ts) and the
// guard test (examples/recipes/test/guides.test.ts) both read them. A block is type-checked unless
// its fence reads ```ts no-check: <reason>; ```ts no-run: <reason> is type-checked but not run by
// the docs tests (their pattern is a bare ```ts); any other word after `ts` is refused.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One fenced ```ts block of a guide. */
export interface Sample {
  /** The guide's path, relative to the repository (`docs/core.md`). */
  readonly guide: string;
  /** The 1-based line of the block's first code line in the guide. */
  readonly line: number;
  /** The code between the fences. */
  readonly code: string;
  /** The fence's words after `ts` (empty for a plain ```ts block). */
  readonly meta: string;
}

/** The guides under `docs` (every `.md` file but the generated API reference and the site's own files). */
export function guidesIn(docs: string): string[] {
  return readdirSync(docs, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(docs, entry.name);
      if (entry.isDirectory())
        return ['api', 'public', '.vitepress', 'node_modules'].includes(entry.name)
          ? []
          : guidesIn(path);
      return entry.name.endsWith('.md') ? [path] : [];
    })
    .sort();
}

/** Every block fenced ```ts (with or without words after it) in a guide's markdown. */
export function samplesOf(guide: string, markdown: string): Sample[] {
  const samples: Sample[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^```ts(?:\s+(.*))?$/.exec(lines[index] ?? '');
    if (!fence) continue;
    const end = lines.findIndex((text, at) => at > index && text.startsWith('```'));
    const stop = end === -1 ? lines.length : end;
    samples.push({
      guide,
      line: index + 2,
      code: lines.slice(index + 1, stop).join('\n'),
      meta: (fence[1] ?? '').trim(),
    });
    index = stop;
  }
  return samples;
}

/**
 * Why a sample is not type-checked: '' when it is (a plain ```ts block, or ```ts no-run: <why> for
 * one that needs servers, which the docs tests then do not run), the reason of a
 * ```ts no-check: <why> block, or undefined for a fence that is refused (unknown words, no reason).
 */
export function skipReason(sample: Sample): string | undefined {
  if (sample.meta === '') return '';
  const fence = /^(no-run|no-check):\s*(\S.*)$/.exec(sample.meta);
  if (!fence) return undefined;
  return fence[1] === 'no-run' ? '' : (fence[2] ?? '');
}
