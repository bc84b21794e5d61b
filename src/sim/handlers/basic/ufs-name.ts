/**
 * UFS file names. The module stores files under `UFS:<name>`; a name given without the
 * prefix means the same file (UFS is the default storage). AT+QSSLCFG stores the normalised
 * name too, so `files.get(sslContext.cacert)` finds the upload.
 */
export function normaliseUfsName(name: string): string | undefined {
  const bare = name.toUpperCase().startsWith('UFS:') ? name.slice(4) : name;
  if (bare.length === 0 || bare.length > 80 || /[\\/*?"<>|:]/.test(bare)) return undefined;
  return `UFS:${bare}`;
}
