// The JSON of `GET /images/{name}/json` (API 1.50/1.51, Docker Engine 28) built from the engine
// state. Docker 28 writes this one through json.Marshal (HTML characters escaped) and its Config
// as a Go map (keys sorted) holding the OCI config plus the legacy keys that never had omitempty.
import type { ImageRecord } from '../../engine/state.js';
import type { ImageConfig } from '../../catalog/types.js';
import { parseTime, ZERO_TIME } from '../../engine/time.js';
import { encodeJSON, goMap } from './json.js';
import { layerCacheIds, OVERLAY_ROOT } from './paths.js';
import { IMAGE_INSPECT } from './schema.js';
import type { InspectItem } from './item.js';

function nonEmpty<T>(v: T[] | null | undefined): T[] | undefined {
  return v && v.length ? v : undefined;
}

function nonEmptyMap<T>(v: Record<string, T> | null | undefined): Map<string, T> | undefined {
  return v && Object.keys(v).length ? (goMap(v) as Map<string, T>) : undefined;
}

/** The image Config as Docker 28 sends it (a sorted map). */
export function imageConfigTree(cfg: ImageConfig): Map<string, unknown> {
  const m = new Map<string, unknown>([
    ['Cmd', null], ['Entrypoint', null], ['Env', null], ['Labels', null], ['OnBuild', null],
    ['User', ''], ['Volumes', null], ['WorkingDir', ''],
  ]);
  const hc = cfg.Healthcheck as (ImageConfig['Healthcheck'] & { StartInterval?: number }) | undefined;
  const oci: Record<string, unknown> = {
    User: cfg.User || undefined,
    ExposedPorts: nonEmptyMap(cfg.ExposedPorts),
    Env: nonEmpty(cfg.Env),
    Entrypoint: nonEmpty(cfg.Entrypoint),
    Cmd: nonEmpty(cfg.Cmd),
    Volumes: nonEmptyMap(cfg.Volumes),
    WorkingDir: cfg.WorkingDir || undefined,
    Labels: nonEmptyMap(cfg.Labels),
    StopSignal: cfg.StopSignal || undefined,
    ArgsEscaped: cfg.ArgsEscaped ? true : undefined,
    Healthcheck: hc ? new Map(Object.entries({
      Test: nonEmpty(hc.Test),
      Interval: hc.Interval || undefined,
      Timeout: hc.Timeout || undefined,
      StartPeriod: hc.StartPeriod || undefined,
      StartInterval: hc.StartInterval || undefined,
      Retries: hc.Retries || undefined,
    }).filter(([, v]) => v !== undefined)) : undefined,
    OnBuild: nonEmpty(cfg.OnBuild),
    Shell: nonEmpty(cfg.Shell),
  };
  for (const [k, v] of Object.entries(oci)) if (v !== undefined) m.set(k, v);
  return m;
}

function graphDriverTree(img: ImageRecord): Record<string, unknown> {
  const caches = layerCacheIds(img).reverse(); // top layer first
  const data = new Map<string, string>();
  if (caches.length > 1) data.set('LowerDir', caches.slice(1).map((c) => `${OVERLAY_ROOT}/${c}/diff`).join(':'));
  if (caches.length > 0) {
    data.set('MergedDir', `${OVERLAY_ROOT}/${caches[0]}/merged`);
    data.set('UpperDir', `${OVERLAY_ROOT}/${caches[0]}/diff`);
    data.set('WorkDir', `${OVERLAY_ROOT}/${caches[0]}/work`);
  }
  return { Data: data, Name: 'overlay2' };
}

/** Metadata.LastTagTime: only `docker tag` (and build/commit/load) sets it; a pulled image has the zero time. */
export function lastTagTime(img: ImageRecord): string {
  return img.lastTagTime || ZERO_TIME;
}

/** The image's inspect JSON as a tree for encodeJSON. */
export function imageInspectTree(img: ImageRecord): Record<string, unknown> {
  return {
    Id: img.id,
    RepoTags: img.repoTags ?? [],
    RepoDigests: img.repoDigests ?? [],
    Parent: img.parent ?? '',
    Comment: img.comment ?? '',
    Created: img.created || undefined,
    DockerVersion: img.dockerVersion ?? '',
    Author: img.author ?? '',
    Architecture: img.architecture,
    Variant: img.variant || undefined,
    Os: img.os,
    Size: img.size,
    GraphDriver: graphDriverTree(img),
    RootFS: { Type: 'layers', Layers: nonEmpty(img.layers.map((l) => l.diffId)) },
    Metadata: { LastTagTime: lastTagTime(img) },
    Config: imageConfigTree(img.config ?? {}),
  };
}

/** The image's inspect JSON text as the daemon sends it (HTML characters escaped). */
export function imageInspectJSON(img: ImageRecord): string {
  return encodeJSON(imageInspectTree(img), { escapeHTML: true });
}

export function imageInspectItem(img: ImageRecord): InspectItem {
  return { raw: imageInspectJSON(img), type: IMAGE_INSPECT };
}
