// Shared list output for `volume ls` / `network ls` / `stats` / `system df`: -q, --format
// (table, json, raw, templates) and their template errors, which these commands all report as
// "template parsing error: …" (parse and execution alike; observed on CLI 28.2.2).
import { CliError, type CommandContext } from '../../cli/command.js';
import { prepareFormat, renderRows, type FormatSpec, type PreparedFormat } from '../../format/render.js';
import { TemplateFailure } from '../../format/template-bridge.js';

/**
 * docker/cli's New…Format(source, quiet): -q only replaces the "table" (or empty) and "raw"
 * formats; a custom template wins over -q.
 */
export function listFormat(format: string, quiet: boolean, forms: { quiet: string; raw: string; rawQuiet: string }): string {
  if (format === '' || format === 'table') return quiet ? forms.quiet : format;
  if (format === 'raw') return quiet ? forms.rawQuiet : forms.raw;
  return format;
}

export function prepareListFormat(spec: FormatSpec): PreparedFormat {
  try {
    return prepareFormat(spec);
  } catch (e) {
    if (e instanceof TemplateFailure) throw new CliError(`template parsing error: ${e.goMessage}`, 1);
    throw e;
  }
}

export function printRows(ctx: CommandContext, prepared: PreparedFormat, spec: FormatSpec, rows: object[]): void {
  try {
    ctx.out(renderRows(prepared, spec, rows));
  } catch (e) {
    if (e instanceof TemplateFailure) throw new CliError(`template parsing error: ${e.goMessage}`, 1);
    throw e;
  }
}
