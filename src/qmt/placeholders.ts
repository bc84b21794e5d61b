/**
 * Scenario text names run-dependent values by placeholder: `{host}`, `{port}`, `{password}` …
 * so a feature never hard-codes the fixture's port nor contains a secret.
 */
export function resolvePlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-z][a-zA-Z0-9:-]*)\}/g, (whole, name: string) => {
    const length = /^text:(\d+)$/.exec(name)?.[1];
    // {text:N}: N bytes of recognisable text, for string-length limits (e.g. willtopic 1~256).
    if (length !== undefined)
      return 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(Math.ceil(Number(length) / 36)).slice(0, Number(length));
    const value = values[name];
    if (value === undefined) {
      throw new Error(
        `harness: unknown placeholder ${whole} in "${text}" (known: ${Object.keys(values)
          .map((k) => `{${k}}`)
          .join(' ')})`,
      );
    }
    return value;
  });
}
