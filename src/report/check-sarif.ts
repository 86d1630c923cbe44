import { filesAtRisk, rankCritical } from '../model/critical.ts';
import { VERSION } from '../version.ts';
import { violationSentence } from './check-describe.ts';
import { sanitize } from './format.ts';
import type { CheckReport } from './check-types.ts';

// SARIF 2.1.0 for code scanning: one result per failing system. Its first location is the system's
// line in the config (GitHub shows the first location and needs a start line); the files at risk
// follow. The fingerprint is the system's name, so an alert survives edits of the config.

export const SARIF_RULE_ID = 'talentrisk/critical-min-owners';
const MAX_LOCATIONS = 20;

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function location(uri: string, line: number, message?: string) {
  return {
    physicalLocation: { artifactLocation: { uri: encodeUri(uri), uriBaseId: '%SRCROOT%' }, region: { startLine: line } },
    ...(message ? { message: { text: message } } : {}),
  };
}

export function toCheckSarif(report: CheckReport) {
  const failing = rankCritical(report.systems).filter((s) => s.checked && s.status !== 'ok');
  return {
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'talentrisk',
            version: VERSION,
            semanticVersion: VERSION,
            rules: [
              {
                id: SARIF_RULE_ID,
                name: 'CriticalSystemMinOwners',
                shortDescription: { text: 'A critical system has fewer owners than its rule requires.' },
                fullDescription: {
                  text: 'The bus factor of a critical system (the truck factor of its files, from git history) is below the minOwners of .talentrisk.yml: too few people know its code.',
                },
                help: {
                  text: 'Spread the knowledge: have someone else make and review changes to the files at risk, pair on them, or lower minOwners if the rule is too strict.',
                  markdown:
                    'Spread the knowledge: have someone else make and review changes to the files at risk, pair on them, or lower `minOwners` in `.talentrisk.yml` if the rule is too strict. `talentrisk explain <file>` shows who knows a file and why.',
                },
                defaultConfiguration: { level: 'error' as const },
                properties: { tags: ['maintainability', 'bus-factor', 'knowledge'] },
              },
            ],
          },
        },
        automationDetails: { id: 'talentrisk/check/' },
        columnKind: 'unicodeCodePoints' as const,
        results: failing.map((system) => {
          const files = filesAtRisk(system).slice(0, MAX_LOCATIONS);
          return {
            ruleId: SARIF_RULE_ID,
            ruleIndex: 0,
            level: 'error' as const,
            message: { text: sanitize(violationSentence(system)) },
            locations: [
              location(report.configFile, system.configLine ?? 1, `critical system "${sanitize(system.name)}" is declared here`),
              ...files.map((file) => location(file, 1, 'file at risk')),
            ],
            partialFingerprints: { 'talentriskCriticalSystem/v1': sanitize(system.name) },
            properties: {
              system: system.name,
              busFactor: system.busFactor,
              minOwners: system.minOwners,
              owners: system.owners.map((o) => o.name),
              filesAtRisk: filesAtRisk(system).length,
            },
          };
        }),
      },
    ],
  };
}

export function renderCheckSarif(report: CheckReport): string {
  return `${JSON.stringify(toCheckSarif(report), null, 2)}\n`;
}
