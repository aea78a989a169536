// -q and --format keywords for `volume ls` / `network ls` (their output goes through
// commands/list-output.ts with the 'parsing' error style).

/**
 * docker/cli's New…Format(source, quiet): -q only replaces the "table" (or empty) and "raw"
 * formats; a custom template wins over -q.
 */
export function listFormat(format: string, quiet: boolean, forms: { quiet: string; raw: string; rawQuiet: string }): string {
  if (format === '' || format === 'table') return quiet ? forms.quiet : format;
  if (format === 'raw') return quiet ? forms.rawQuiet : forms.raw;
  return format;
}
