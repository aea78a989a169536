/**
 * Error classes thrown by the template engine. Their `message` is Go's text exactly
 * (e.g. `template: :1: unclosed action`), so callers can print it after their own prefix.
 */

/** The template text could not be parsed (Go's `Parse` returned an error). */
export class TemplateParseError extends Error {
  override name = 'TemplateParseError';
  constructor(message: string) {
    super(message);
  }
}

/** Executing a parsed template failed (Go's `template.ExecError`). */
export class TemplateExecError extends Error {
  override name = 'TemplateExecError';
  /** Name of the template that was executing (`""` for Docker's anonymous templates). */
  readonly templateName: string;
  /** The output written before the error (Go leaves it in the writer). */
  partial = '';
  constructor(message: string, templateName: string) {
    super(message);
    this.templateName = templateName;
  }
}
