// Makes `import 'traceproof/…'` resolve to this package's build, as it does in a user's
// project: node_modules/traceproof → the repository root (its exports map points at dist/).
import { lstat, mkdir, readlink, symlink, unlink } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const link = join(root, 'node_modules', 'traceproof');
const target = relative(dirname(link), root);

await mkdir(dirname(link), { recursive: true });
const existing = await lstat(link).catch(() => undefined);
if (existing?.isSymbolicLink() && (await readlink(link)) === target) process.exit(0);
if (existing) await unlink(link);
await symlink(target, link, 'dir');
