import { KommuneRegistry, type Kommune } from '../kommuner/registry.js';
import { fail, ok, type Result } from '../result.js';
import { normalizeKey } from '../util/text.js';
import type { Dataset, Member, Project } from './model.js';

/** Share of the kommuner a sheet names (without ambiguity) that must be members for it to be the dataset's own. */
const OWN_SHARE = 0.8;

/**
 * True when a table or register is the active dataset's own: some of the kommuner it names are members, and nearly
 * all are. Another network's sheet (even one sharing a few members) is then not judged by this dataset.
 */
export function isMostlyMembers(members: number, known: number): boolean {
  return members > 0 && members >= known * OWN_SHARE;
}

/**
 * A dataset made ready for lookups: its members indexed by kommunenummer, resolved through the built-in
 * registry (all current kommuner). Members are always real kommuner — a workbook's DH_Kommuner cannot bring
 * a number the registry does not know — so nothing is added to the registry here. Build it once per dataset
 * and reuse it: every custom-function call goes through here.
 */
export class DatasetContext {
  readonly registry: KommuneRegistry;
  readonly memberNumbers: ReadonlySet<string>;
  private readonly members = new Map<string, Member>();
  private readonly resolved = new Map<string, Result<Member>>();

  constructor(readonly dataset: Dataset, registry?: KommuneRegistry) {
    this.registry = registry ?? new KommuneRegistry();
    for (const member of dataset.members) this.members.set(member.kommunenr, member);
    this.memberNumbers = new Set(this.members.keys());
  }

  member(kommunenr: string): Member | undefined {
    return this.members.get(kommunenr);
  }

  /** Resolves user input to a member of this dataset; a known kommune that is not a member is an error. */
  resolveMember(input: unknown): Result<Member> {
    const cacheKey = typeof input === 'string' ? 's:' + input : typeof input === 'number' ? 'n:' + input : undefined;
    if (cacheKey !== undefined) {
      const hit = this.resolved.get(cacheKey);
      if (hit) return hit;
    }
    const result = this.resolveUncached(input);
    if (cacheKey !== undefined && this.resolved.size < 10_000) this.resolved.set(cacheKey, result);
    return result;
  }

  private resolveUncached(input: unknown): Result<Member> {
    const found = this.registry.resolve(input, this.memberNumbers);
    if (!found.ok) return found;
    return this.asMember(found.value);
  }

  private asMember(kommune: Kommune): Result<Member> {
    const member = this.members.get(kommune.kommunenr);
    if (member) return ok(member);
    return fail(`${kommune.name} (${kommune.kommunenr}) er ikke medlem i ${this.dataset.name}.`, 'notAvailable');
  }

  /** Finds a project by full name, alias, or a unique prefix/substring of either (case/diacritic-insensitive). */
  resolveProject(input: unknown): Result<Project> {
    if (typeof input !== 'string' || input.trim() === '') return fail('Prosjekt mangler.');
    const wanted = normalizeKey(input);
    const names = (p: Project) => [p.name, ...(p.aliases ?? [])].map(normalizeKey);
    const exact = this.dataset.projects.filter((p) => names(p).includes(wanted));
    if (exact.length === 1) return ok(exact[0]!);
    const partial = this.dataset.projects.filter((p) => names(p).some((n) => n.startsWith(wanted) || n.includes(wanted)));
    if (partial.length === 1) return ok(partial[0]!);
    if (exact.length + partial.length > 1) {
      const list = [...new Set([...exact, ...partial].map((p) => p.name))].join('», «');
      return fail(`Prosjektet «${input.trim()}» er tvetydig: «${list}».`);
    }
    const known = this.dataset.projects.map((p) => p.aliases?.[0] ?? p.name).join(', ');
    return fail(`Ukjent prosjekt «${input.trim()}». Kjente prosjekter: ${known}.`, 'notAvailable');
  }
}
