import type { ModelName, RepositoryInfo } from '../model/types.ts';
import { VERSION } from '../version.ts';
import type { RepositoryOutput } from './json-head-schema.ts';

// What every JSON document of talentrisk (scan, check, explain, handoff) starts with: what it is,
// which tool and model made it, and of which repository and revision, in one shape. A dashboard
// reading all four met four `repository` objects, and check's had no model (redis, a dashboard
// builder). No zod here: a scan without a config file loads none (json-head-schema.ts has the schemas).

/** `repository` of every document: the fields of RepositoryInfo, named here so that none is added by accident. */
export function repositoryJson(repository: RepositoryInfo): RepositoryOutput {
  const { path, revision, requested, revisionDate, analyzedAt, isShallow, isPartial, shallowSince } = repository;
  return { path, revision, requested, revisionDate, analyzedAt, isShallow, isPartial, shallowSince };
}

/** The start of every document: schemaVersion, kind, tool, model and repository. */
export function documentHead<Kind extends string>(kind: Kind, model: ModelName, repository: RepositoryInfo) {
  return { schemaVersion: 1 as const, kind, tool: { name: 'talentrisk' as const, version: VERSION }, model, repository: repositoryJson(repository) };
}
