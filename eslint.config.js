// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Library code throws typed errors with stable codes. */
const bareError = {
  selector: "ThrowStatement > NewExpression[callee.name='Error']",
  message: 'Throw a SwitchboardError with a stable code, never a bare Error.',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/coverage/**',
      'docs/public/api/**',
      'docs/.vitepress/dist/**',
      'docs/.vitepress/cache/**',
      '.reports/**',
      '**/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Every file belongs to a tsconfig: packages have their own, the root one covers tooling.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', bareError],
      // TypeScript reports undefined names (root tsconfig.json type-checks the .js/.mjs files too).
      'no-undef': 'off',
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'packages/plugins/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts', '**/*.test-d.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        bareError,
        {
          // Library code imports zod only as the tree-shakeable mini namespace (about 4.5 KB, not 90 KB).
          selector: "ImportDeclaration[source.value=/^zod/]:not([source.value='zod/mini'])",
          message: "Use `import * as z from 'zod/mini'` in library code.",
        },
        {
          selector:
            "ImportDeclaration[source.value='zod/mini'][importKind!='type'] > ImportSpecifier",
          message: "Import zod/mini as a namespace: `import * as z from 'zod/mini'`.",
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@switchboard/*/src/*', '../../*/src/*'],
              message: 'Import other packages through their exports map, never their src/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The core runs in browsers and Node alike and has no I/O of its own.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts', '**/*.test-d.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The core has no I/O: inject it through a port.' },
            {
              group: ['@switchboard/*/src/*'],
              message: 'Import packages through their exports map.',
            },
          ],
        },
      ],
    },
  },
  {
    // React components (the examples): the rules of hooks and accessible JSX on top of the above.
    files: ['**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    ...jsxA11y.flatConfigs.strict,
    plugins: {
      ...reactHooks.configs.flat.recommended.plugins,
      ...jsxA11y.flatConfigs.strict.plugins,
    },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      // `onChange={(event) => setValue(event.target.value)}` is how React handlers are written.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.config.ts', 'tooling/**', 'scripts/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.test.ts', '**/*.bench.ts', '**/*.test-d.ts', 'packages/*/bench/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  prettier,
);
