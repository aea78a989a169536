// One object found by an inspect lookup: the daemon's JSON text and the Go type the CLI decodes
// it into (for templates).
import type { GoType } from './gotypes.js';

export interface InspectItem {
  /** The response body as the daemon writes it (compact JSON, no trailing newline). */
  raw: string;
  /** The CLI's type for it, e.g. container.InspectResponse. */
  type: GoType;
}
