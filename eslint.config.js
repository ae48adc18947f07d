// Lint keeps the layers of DESIGN.md honest: imports point down only, and the engine stays pure.
import tseslint from 'typescript-eslint';

const NODE_AND_UI = [
  { group: ['node:*'], message: 'engine/ is pure TypeScript: no Node modules. Pass I/O in from service/.' },
  { group: ['electron', 'electron/*'], message: 'engine/ must not import Electron.' },
  { group: ['svelte', 'svelte/*', '@xterm/*'], message: 'engine/ must not import UI libraries.' },
  { group: ['@lydell/node-pty', 'ws', 'fs', 'path', 'child_process', 'net', 'os', 'crypto', 'http'], message: 'engine/ does no I/O.' },
];
const UPPER_LAYERS = (...layers) =>
  layers.map((layer) => ({ group: [`**/${layer}/*`, `**/${layer}`], message: `Imports point down only: this layer may not import ${layer}/.` }));

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '**/*.svelte'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...NODE_AND_UI, ...UPPER_LAYERS('service', 'electron', 'renderer', 'test')] }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'engine/ gets its settings passed in.' },
        { name: 'window', message: 'engine/ runs without a DOM.' },
        { name: 'document', message: 'engine/ runs without a DOM.' },
        { name: 'setTimeout', message: 'engine/ time is the simulated clock.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'engine/ time is the simulated clock, passed in.' },
        { object: 'Math', property: 'random', message: 'engine/ randomness is the seeded source, passed in.' },
      ],
    },
  },
  {
    files: ['service/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: UPPER_LAYERS('electron', 'renderer') }] },
  },
  {
    files: ['service/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...NODE_AND_UI,
            { regex: '^\\.\\./(?!protocol/|\\.\\./engine/)', message: 'The protocol is shared with the renderer: it imports only itself.' },
            { group: ['../../engine/*'], allowTypeImports: true, message: 'The protocol may name engine types (import type), never engine code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'child_process', '@lydell/node-pty', 'ws', 'electron'], message: 'The renderer reaches the lab only through window.lab.' },
            { group: ['**/engine/*', '**/engine', '**/electron/*'], allowTypeImports: true, message: 'The renderer reaches the engine only through the LabApi (types of its data may be imported with import type).' },
            { group: ['**/service/*', '!**/service/protocol'], message: 'The renderer may use service/protocol only.' },
          ],
        },
      ],
    },
  },
);
