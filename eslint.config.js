import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const modelBans = ['node:*', 'fs', 'path', 'child_process', 'simple-git', 'chalk', 'ora', 'cli-table3', 'commander', 'yaml'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'never' }],
    },
  },
  // Layer rules (../shared/STYLE.md §7): model is pure; only git/ talks to git; only cli/ owns the process.
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'simple-git', message: 'git access lives in src/git/' }] }] },
  },
  {
    files: ['src/git/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'ora', message: 'progress is drawn by src/cli/' }, { name: 'commander', message: 'argv belongs to src/cli/' }] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/git/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'simple-git', message: 'git access lives in src/git/' },
            { name: 'ora', message: 'progress is drawn by src/cli/progress.ts' },
            { name: 'commander', message: 'argv belongs to src/cli/' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'only src/cli/ touches the process; pass values in' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/git/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'process', message: 'only src/cli/ touches the process; pass values in' }] },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: modelBans, message: 'src/model/ is pure: no I/O, git, terminal or CLI imports' },
            { group: ['../git/*', '../cli/*', '../report/*', '../config/*', '../analyze*'], message: 'src/model/ imports only src/model/' },
          ],
        },
      ],
    },
  },
);
