import { defineConfig } from 'tsup';
import base from './tsup.config';
const cfg = base as any;
const entry = Object.fromEntries(Object.entries(cfg.entry).filter(([k]) => ['index','vitest','jest','matchers','adapters/memory'].includes(k)));
export default defineConfig({ ...cfg, entry, dts: false, external: [...cfg.external, '../adapters/from-spec', '../adapters/otlp'] });
