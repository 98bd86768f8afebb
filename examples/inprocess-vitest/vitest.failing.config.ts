import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The deliberately failing examples: run them to see what a failing trace assertion prints.
export default mergeConfig(base, defineConfig({ test: { include: ['failing/*.test.ts'] } }));
