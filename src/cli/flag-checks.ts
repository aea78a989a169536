// Checks the Docker CLI runs on some flag values as the flag is parsed (its option validators),
// so a bad value is a flag error with the usage block, before anything else is looked at.

/** An error text for a bad value, or undefined. */
export type FlagValueCheck = (value: string) => string | undefined;

/** -e / --env: only an empty name is refused; other names are the container's business. */
export const checkEnvValue: FlagValueCheck = (value) => {
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  return name === '' ? `invalid environment variable: ${value}` : undefined;
};

/** --label: the name (leading spaces and tabs ignored) must not be empty or hold a space or tab. */
export const checkLabelValue: FlagValueCheck = (value) => {
  const eq = value.indexOf('=');
  const name = (eq < 0 ? value : value.slice(0, eq)).replace(/^[ \t]+/, '');
  if (name === '') return `invalid label '${value}': empty name`;
  if (/[ \t]/.test(name)) return `label '${name}' contains whitespaces`;
  return undefined;
};

const CONTAINER_CONFIG_CHECKS = { env: checkEnvValue, label: checkLabelValue };

/** Command path → long flag name → check. */
export const FLAG_VALUE_CHECKS: Record<string, Record<string, FlagValueCheck>> = {
  run: CONTAINER_CONFIG_CHECKS,
  'container run': CONTAINER_CONFIG_CHECKS,
  create: CONTAINER_CONFIG_CHECKS,
  'container create': CONTAINER_CONFIG_CHECKS,
  exec: { env: checkEnvValue },
  'container exec': { env: checkEnvValue },
  'volume create': { label: checkLabelValue },
  'network create': { label: checkLabelValue },
};
