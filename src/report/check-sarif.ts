import { filesAtRisk, rankCritical } from '../model/critical.ts';
import { VERSION } from '../version.ts';
import { isNewViolation } from '../model/critical-baseline.ts';
import { atRiskPhrase, baseSentence, checkFilesAtRisk, ownersPhrase, shallowCaveat, violationSentence, warningsWithNotes } from './check-describe.ts';
import { sanitize } from './format.ts';
import { failingSystems, preexistingSystems, type CheckReport } from './check-types.ts';

// SARIF 2.1.0 for code scanning: one result per rule a failing system breaks (minOwners, and
// maxKnowledgeLoss after departures). Its first location is the system's line in the config (GitHub
// shows the first location and needs a start line); the files at risk follow. The fingerprint is
// the system's name, so an alert survives edits of the config; the rule tells two alerts apart.

export const SARIF_RULE_ID = 'talentrisk/critical-min-owners';
export const SARIF_KNOWLEDGE_LOSS_RULE_ID = 'talentrisk/critical-knowledge-loss';
const MAX_LOCATIONS = 20;
/** As other tools write it (CodeQL, ESLint's formatter): editors and validators find the schema by it (tokio, a tester). */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Where each rule of the config is in RULES. */
const RULE_INDEX = { minOwners: 0, maxKnowledgeLoss: 1 } as const;

const RULES = [
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
  {
    id: SARIF_KNOWLEDGE_LOSS_RULE_ID,
    name: 'CriticalSystemKnowledgeLoss',
    shortDescription: { text: 'The departures would orphan more of a critical system than its rule allows.' },
    fullDescription: {
      text: 'The people leaving (departures in .talentrisk.yml, or --leaving) are the only authors of more of the critical system’s files than its maxKnowledgeLoss allows.',
    },
    help: {
      text: 'Hand the files over before the last day: have someone who stays change and review them, or pair on them (talentrisk handoff <who> lists them); or raise maxKnowledgeLoss if the rule is too strict.',
      markdown:
        'Hand the files over before the last day: have someone who stays change and review them, or pair on them (`talentrisk handoff <who>` lists them); or raise `maxKnowledgeLoss` in `.talentrisk.yml` if the rule is too strict.',
    },
    defaultConfiguration: { level: 'error' as const },
    properties: { tags: ['maintainability', 'bus-factor', 'knowledge', 'departures'] },
  },
];

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function location(uri: string, line: number, message?: string) {
  return {
    physicalLocation: { artifactLocation: { uri: encodeUri(uri), uriBaseId: '%SRCROOT%' }, region: { startLine: line } },
    ...(message ? { message: { text: message } } : {}),
  };
}

/** "Critical system "x": without Bob, 41% of its files lose their last author …; sole owner: Ada; …". */
function lossSentence(system: CheckReport['systems'][number], caveat: string): string {
  const losses = system.violations.filter((violation) => violation.rule === 'maxKnowledgeLoss').map((violation) => violation.message);
  const risk = atRiskPhrase(system, 5);
  return `Critical system "${system.name}": ${losses.join('; ')}; ${ownersPhrase(system)}${risk ? `; ${risk}` : ''}${caveat ? ` (${caveat})` : ''}.`;
}

export function toCheckSarif(report: CheckReport) {
  // --new-only: what the merge base already breaks as badly is a warning, "unchanged" (SARIF's baselineState).
  const failing = [...rankCritical(failingSystems(report)), ...rankCritical(preexistingSystems(report))];
  const caveat = shallowCaveat(report);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'talentrisk',
            version: VERSION,
            semanticVersion: VERSION,
            rules: RULES,
          },
        },
        automationDetails: { id: 'talentrisk/check/' },
        // The warnings (a shallow or partial clone, a glob that matches nothing) and the departures
        // the figures assume: both were dropped from SARIF (a CI test); and the notes on passing
        // systems that JSON and JUnit carry ("passes on an owner who is inactive": tokio, a tester).
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: warningsWithNotes(report).map((warning) => ({ level: 'warning' as const, message: { text: sanitize(warning) } })),
          },
        ],
        properties: { departing: (report.departing ?? []).map((d) => ({ name: d.name, date: d.date ?? null })) },
        columnKind: 'unicodeCodePoints' as const,
        results: failing.flatMap((system) => {
          // With --changed, the files at risk the change touched first.
          const files = checkFilesAtRisk(system).slice(0, MAX_LOCATIONS);
          const broken = [...new Set(system.violations.map((violation) => RULE_INDEX[violation.rule]))].sort();
          return (broken.length > 0 ? broken : [RULE_INDEX.minOwners]).map((ruleIndex) => {
            const violation = system.violations.find((v) => RULE_INDEX[v.rule] === ruleIndex);
            const state = violation?.base === undefined ? undefined : !isNewViolation(violation) ? ('unchanged' as const) : violation.base.broken ? ('updated' as const) : ('new' as const);
            return {
              ruleId: RULES[ruleIndex]?.id,
              ruleIndex,
              level: state === 'unchanged' ? ('warning' as const) : ('error' as const),
              ...(state ? { baselineState: state } : {}),
              // The knowledge-loss alert leads with its own rule (both alerts of a system read alike).
              message: { text: sanitize((ruleIndex === RULE_INDEX.maxKnowledgeLoss ? lossSentence(system, caveat) : violationSentence(system, caveat)) + baseSentence({ ...system, violations: violation ? [violation] : [] }, report.changed)) },
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
          });
        }),
      },
    ],
  };
}

/** The SARIF of a check that could not run (exit 2): no result, and an unsuccessful invocation that says why. */
export function renderSarifCouldNotRun(reason: string): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: { driver: { name: 'talentrisk', version: VERSION, semanticVersion: VERSION, rules: RULES } },
        automationDetails: { id: 'talentrisk/check/' },
        invocations: [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error' as const, message: { text: sanitize(reason) } }] }],
        results: [],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function renderCheckSarif(report: CheckReport): string {
  return `${JSON.stringify(toCheckSarif(report), null, 2)}\n`;
}
