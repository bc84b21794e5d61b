/**
 * Replaces registered secrets (passwords, device secrets, PSKs) with `***` so they never reach a
 * transcript, a report or a log. One left-to-right scan that tries the longest secret first at
 * each position, so a secret that contains a shorter one is masked whole.
 */
export const MASK = '***';

/** Secrets shorter than this would mask ordinary words ("0", "on") and are ignored. */
const MIN_SECRET_LENGTH = 3;

export class SecretMasker {
  private secrets: string[] = [];
  private secretBytes: Buffer[] = [];

  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH || this.secrets.includes(secret)) return;
    this.secrets = [...this.secrets, secret].sort((a, b) => b.length - a.length);
    this.secretBytes = this.secrets.map((s) => Buffer.from(s, 'utf8'));
  }

  /** Number of registered secrets (for diagnostics; the secrets themselves are never exposed). */
  get size(): number {
    return this.secrets.length;
  }

  mask(text: string): string {
    if (this.secrets.length === 0) return text;
    let out = '';
    let i = 0;
    while (i < text.length) {
      const hit = this.secrets.find((s) => text.startsWith(s, i));
      if (hit) {
        out += MASK;
        i += hit.length;
      } else {
        out += text[i];
        i++;
      }
    }
    return out;
  }

  maskBuffer(b: Buffer): Buffer {
    if (this.secretBytes.length === 0) return Buffer.from(b);
    const parts: Buffer[] = [];
    const mask = Buffer.from(MASK, 'ascii');
    let start = 0;
    let i = 0;
    while (i < b.length) {
      const hit = this.secretBytes.find(
        (s) => s.length <= b.length - i && b.compare(s, 0, s.length, i, i + s.length) === 0,
      );
      if (hit) {
        parts.push(b.subarray(start, i), mask);
        i += hit.length;
        start = i;
      } else {
        i++;
      }
    }
    parts.push(b.subarray(start));
    return Buffer.concat(parts);
  }
}

/**
 * Masks nothing. Only for the secret-leak test, which proves that its detector finds secrets
 * when masking is off (QMT_UNSAFE_NO_MASKING=1); never used otherwise.
 */
export class DisabledMasker extends SecretMasker {
  override mask(text: string): string {
    return text;
  }

  override maskBuffer(bytes: Buffer): Buffer {
    return bytes;
  }
}

export function maskingDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.QMT_UNSAFE_NO_MASKING === '1';
}
