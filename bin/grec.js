#!/usr/bin/env node
// The `grec` command: runs src/cli/main.ts in THIS process through tsx's loader (no build step).
// It used to spawn the CLI as a child process; killing this wrapper (SIGKILL cannot be forwarded) then left
// the real loader running as an orphan that kept the store lock. Registering tsx's ESM loader in-process
// and importing the CLI means there is no child to orphan: the only child is the embedded JVM, which exits
// when our pipe to its stdin closes.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
register();
await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
