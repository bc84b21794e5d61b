import { readFileSync } from 'node:fs';
import path from 'node:path';

export function harnessVersion(): string {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
