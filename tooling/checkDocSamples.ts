// Type-checks every ```ts block of the guides in docs/ with the TypeScript compiler, the way a
// user's project would see them: each block is a module of its own whose `@switchboard/*` imports
// resolve through the packages' exports maps (the `@switchboard/source` condition, as the repo's
// tsconfig does, so no build is needed). Part of the root `typecheck` script:
//   tsx tooling/checkDocSamples.ts [docs folder]   → `docs/FILE.md:LINE:COL TSxxxx message`, exit 1
// The blocks share one program (one check takes seconds; one per block would take minutes), so a
// `declare module` augmentation in one block is seen by the others, as the packages' own are.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { guidesIn, samplesOf, skipReason, type Sample } from './docSamples';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** A type error in a sample, located in its guide. */
export interface SampleError {
  /** `docs/FILE.md:LINE:COL`. */
  readonly at: string;
  /** The compiler's code and message, e.g. `TS2345 Argument of type ...`. */
  readonly message: string;
}

/** The workspace packages by name, each with its folder. */
function workspacePackages(): Map<string, string> {
  const found = new Map<string, string>();
  for (const parent of ['packages', 'packages/plugins', 'examples']) {
    for (const entry of readdirSync(join(repo, parent), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const folder = join(repo, parent, entry.name);
      try {
        const { name } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
          name: string;
        };
        found.set(name, folder);
      } catch {
        // A folder without a package.json is no package.
      }
    }
  }
  return found;
}

/** The compiler options of the repository (tsconfig.base.json), for code that runs in a page or Node. */
function compilerOptions(): ts.CompilerOptions {
  const path = join(repo, 'tsconfig.base.json');
  const { config } = ts.readConfigFile(path, ts.sys.readFile) as { config: unknown };
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, repo, undefined, path);
  return {
    ...options,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    moduleDetection: ts.ModuleDetectionKind.Force,
    noEmit: true,
  };
}

/** Type-checks the samples; returns the errors, located in their guides. */
export function checkSamples(samples: readonly Sample[]): SampleError[] {
  const options = compilerOptions();
  const packages = workspacePackages();
  const virtual = new Map<string, Sample>();
  for (const sample of samples) {
    if (skipReason(sample) !== '') continue;
    virtual.set(join(repo, `${sample.guide}.${String(sample.line)}.ts`), sample);
  }
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => virtual.get(resolve(file))?.code ?? readFile(file);
  host.fileExists = (file) => virtual.has(resolve(file)) || fileExists(file);
  host.getSourceFile = (file, language) => {
    const text = host.readFile(file);
    return text === undefined ? undefined : ts.createSourceFile(file, text, language, true);
  };
  // A sample imports as a user's project would: a workspace package through its own exports map
  // (resolved as the package importing itself), anything else as some package that depends on it.
  const folders = [...packages.values()];
  const fromPackages = (name: string): ts.ResolvedModuleFull | undefined => {
    const owner = /^(@switchboard\/[^/]+|@switchboard\/plugin-[^/]+)/.exec(name)?.[1];
    const candidates = owner && packages.has(owner) ? [packages.get(owner) ?? ''] : folders;
    for (const folder of candidates) {
      const found = ts.resolveModuleName(name, join(folder, 'sample.ts'), options, host);
      if (found.resolvedModule) return found.resolvedModule;
    }
    return undefined;
  };
  host.resolveModuleNames = (names, containingFile) =>
    names.map((name) => {
      const found = ts.resolveModuleName(name, containingFile, options, host).resolvedModule;
      return found ?? (virtual.has(resolve(containingFile)) ? fromPackages(name) : undefined);
    });
  const program = ts.createProgram([...virtual.keys()], options, host);
  return [...virtual].flatMap(([file, sample]) => {
    const source = program.getSourceFile(file);
    if (!source) return [];
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
      .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
      .map((diagnostic) => {
        const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        return {
          at: `${sample.guide}:${String(sample.line + line)}:${String(character + 1)}`,
          message: `TS${String(diagnostic.code)} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
        };
      });
  });
}

/** Reads every guide under `docs`, checks its samples, prints the errors; the exit code to use. */
export function main(docs: string): number {
  const started = performance.now();
  const samples = guidesIn(docs).flatMap((path) =>
    samplesOf(relative(repo, path), readFileSync(path, 'utf8')),
  );
  const unknown = samples.filter((sample) => skipReason(sample) === undefined);
  for (const sample of unknown)
    console.error(
      `${sample.guide}:${String(sample.line - 1)}: a \`\`\`ts fence takes nothing after it but "no-run: <reason>" or "no-check: <reason>" (got "${sample.meta}")`,
    );
  const errors = checkSamples(samples);
  for (const { at, message } of errors) console.error(`${at} ${message}`);
  const checked = samples.filter((sample) => skipReason(sample) === '').length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `doc samples: ${String(checked)} ts blocks type-checked in ${String(new Set(samples.map((s) => s.guide)).size)} guides, ${String(samples.length - checked)} skipped (no-check), ${String(errors.length + unknown.length)} errors (${seconds}s)`,
  );
  if (checked === 0) console.error(`No ts block found under ${docs}.`);
  return errors.length + unknown.length > 0 || checked === 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(resolve(process.argv[2] ?? join(repo, 'docs')));
}
