import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer rules of DESIGN §1: src-shared is pure; main, renderer and server import only src-shared.
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'url', 'http', 'https', 'net', 'util', 'stream', 'worker_threads', 'events', 'buffer'];
const layer = (group, message) => ({ group, message });
const crossLayer = (...names) =>
  names.map((name) => layer([`**/${name}`, `**/${name}/**`, `${name}/**`], `Do not import ${name} here: layers talk only through src-shared (DESIGN §1).`));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'tests/.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(NODE_BUILTINS, 'src-shared is pure: no Node built-ins (DESIGN §1).'),
            layer(['electron', 'electron/*'], 'src-shared is pure: no electron.'),
            layer(['better-sqlite3'], 'src-shared is pure: no better-sqlite3.'),
            layer(['react', 'react/*', 'react-dom', 'react-dom/*'], 'src-shared is pure: no react.'),
            ...crossLayer('src-main', 'src-renderer', 'src-server'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'Buffer', 'require', '__dirname'].map(
          (name) => ({ name, message: `src-shared is pure: no ${name} (DOM or Node global).` }),
        ),
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...crossLayer('src-renderer', 'src-server')] }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...crossLayer('src-renderer', 'src-server'),
            layer(['electron', 'electron/*'], "Only src-main/electron may import 'electron'; the rest runs under plain Node."),
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...crossLayer('src-main', 'src-server'),
            layer(NODE_BUILTINS, 'The renderer runs in a sandbox: no Node built-ins.'),
            layer(['electron', 'better-sqlite3'], 'The renderer reaches main only through src-renderer/api.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...crossLayer('src-main', 'src-renderer'), layer(['electron', 'react', 'react-dom'], 'The server imports src-shared only.')] },
      ],
    },
  },
);
