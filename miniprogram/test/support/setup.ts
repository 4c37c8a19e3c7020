import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// jsdom has no canvas; Taro's H5 runtime probes it at import time.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

afterEach(() => {
  cleanup();
});
