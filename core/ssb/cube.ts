import { fail, ok, type Result } from '../result.js';

/** One dimension of a JSON-stat2 dataset, categories in index order. */
export interface CubeDimension {
  readonly id: string;
  readonly label: string;
  readonly codes: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

/** A JSON-stat2 dataset read into dimensions and cell accessors (positions are per-dimension category indexes). */
export interface Cube {
  readonly label?: string;
  readonly updated?: string;
  readonly dimensions: readonly CubeDimension[];
  /** JSON-stat `role`: which dimension ids are time, geo and metric (content codes). */
  readonly role: { readonly time: readonly string[]; readonly geo: readonly string[]; readonly metric: readonly string[] };
  /** PxWebApi's table id (extension.px.tableid) when the response carries it. */
  readonly tableId?: string;
  valueAt(position: readonly number[]): number | null;
  statusAt(position: readonly number[]): string | undefined;
}

type Category = { index?: Record<string, number> | string[]; label?: Record<string, string> };
type RawDataset = {
  class?: string; label?: string; id?: unknown; size?: unknown; role?: Record<string, unknown>;
  dimension?: Record<string, { label?: string; category?: Category }>;
  value?: (number | null)[] | Record<string, number | null>; status?: string | (string | null)[] | Record<string, string>;
  updated?: string; extension?: { px?: { tableid?: string } };
};

/** Category codes in index order; JSON-stat allows `index` as an object (code → position), an array, or only `label`. */
function codesInOrder(category: Category | undefined): string[] {
  const index = category?.index;
  if (Array.isArray(index)) return [...index];
  if (index && typeof index === 'object') {
    const codes: string[] = [];
    for (const [code, position] of Object.entries(index)) codes[position] = code;
    return codes;
  }
  return category?.label ? Object.keys(category.label) : [];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Reads a JSON-stat2 dataset (what PxWebApi v2 returns for outputFormat=json-stat2). Values are addressed through
 * each dimension's category index in row-major order over `id`, never by assuming the order of `value`; `value` and
 * `status` may be arrays or sparse objects keyed by position, and `status` a single string for every cell.
 */
export function readCube(json: unknown): Result<Cube> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('SSB-svaret er ikke JSON-stat2 (ikke et objekt).');
  const ds = json as RawDataset;
  if (ds.class !== undefined && ds.class !== 'dataset') return fail(`SSB-svaret har class «${ds.class}», ventet «dataset».`);
  if (!Array.isArray(ds.id) || !Array.isArray(ds.size) || ds.id.length !== ds.size.length || !ds.dimension || ds.value === undefined || ds.value === null) {
    return fail('SSB-svaret mangler «id», «size», «dimension» eller «value» (ikke JSON-stat2).');
  }
  const ids = ds.id as string[];
  const sizes = ds.size as number[];
  const dimensions: CubeDimension[] = [];
  for (let i = 0; i < ids.length; i++) {
    const raw = ds.dimension[ids[i]!];
    if (!raw) return fail(`SSB-svaret mangler dimensjonen ${ids[i]}.`);
    const codes = codesInOrder(raw.category);
    if (codes.length !== sizes[i] || codes.some((c) => c === undefined)) return fail(`Dimensjonen ${ids[i]} har ${codes.length} kategorier, men size sier ${sizes[i]}.`);
    dimensions.push({ id: ids[i]!, label: raw.label ?? ids[i]!, codes, labels: raw.category?.label ?? {} });
  }
  const total = sizes.reduce((a, b) => a * b, 1);
  if (Array.isArray(ds.value) && ds.value.length !== total) return fail(`SSB-svaret har ${ds.value.length} verdier, ventet ${total}.`);
  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((a, b) => a * b, 1));
  const flat = (position: readonly number[]) => position.reduce((acc, p, i) => acc + p * strides[i]!, 0);
  const values = ds.value;
  const status = ds.status;
  const role = ds.role ?? {};
  return ok({
    ...(ds.label ? { label: ds.label } : {}),
    ...(ds.updated ? { updated: ds.updated } : {}),
    ...(ds.extension?.px?.tableid ? { tableId: ds.extension.px.tableid } : {}),
    dimensions,
    role: { time: strings(role.time), geo: strings(role.geo), metric: strings(role.metric) },
    valueAt(position) {
      const i = flat(position);
      const v = Array.isArray(values) ? values[i] : (values as Record<string, number | null>)[String(i)];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    },
    statusAt(position) {
      if (typeof status === 'string') return status;
      const i = flat(position);
      const s = Array.isArray(status) ? status[i] : status?.[String(i)];
      return typeof s === 'string' && s !== '' ? s : undefined;
    },
  });
}
