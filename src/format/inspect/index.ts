// `docker inspect` output: the daemon's JSON for each kind of object, Go's JSON printing, and the
// CLI's inspect driver (indented / compact JSON arrays, templates with the raw-JSON fallback).
export { containerInspectItem, containerInspectJSON, containerInspectTree } from './container.js';
export { imageInspectItem, imageInspectJSON, imageInspectTree, imageConfigTree } from './image.js';
export { volumeInspectObject, volumeInspectJSON, volumeInspectTree } from './volume.js';
export { networkInspectObject, networkInspectJSON, networkInspectTree } from './network.js';
export { inspectAll, runInspect, executeInspectTemplate, InspectLookupError, lookupErrorText, INSPECT_FUNCS } from './inspector.js';
export type { InspectOutput } from './inspector.js';
export type { InspectItem } from './item.js';
export { encodeJSON, indentJSON, compactJSON, goMap, goJSONString } from './json.js';
export { decode, decodeAny, marshalTyped, typedJSON, goTypeName, goTimeString, goDurationString } from './gotypes.js';
export type { GoType, GoField } from './gotypes.js';
export { CONTAINER_INSPECT, IMAGE_INSPECT, VOLUME_INSPECT, NETWORK_INSPECT } from './schema.js';
