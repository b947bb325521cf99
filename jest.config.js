// Three projects: fast pure-logic unit tests, integration tests against real
// Temporal / PostgreSQL / SMTP, and browser tests in headless Chromium.
// JSX compiles with React's automatic runtime, as Vite does, so components render in unit tests.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', transform: { react: { runtime: 'automatic' } } } }] };
// UI modules import their CSS (Vite bundles it); tests that reach them get an empty stylesheet.
const moduleNameMapper = { '\\.css$': '<rootDir>/test/support/style-stub.js' };
const base = { transform, moduleNameMapper, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  // Integration tests start real servers; per-project timeouts are not supported by Jest.
  testTimeout: 120000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['\\.integration\\.test\\.ts$', '/test/e2e/'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.integration.test.ts'],
      testPathIgnorePatterns: ['/test/e2e/'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' },
  ],
};
