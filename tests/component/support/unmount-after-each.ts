import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts after each test only where the runner has global hooks, which this
// project does not enable: without it a menu's closing transition outlives its test file, and
// React's scheduler then runs after jsdom's window is gone ("window is not defined").
afterEach(() => {
  cleanup();
});
