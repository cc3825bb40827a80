import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every table that refers to a person is covered by the export (data/personData.ts `collect`), the
 * erasure (`erase`) and the retention purge (data/retention.ts): a new table that holds a person's
 * id or Slack user id fails here until each of the three handles it (or it is listed below, with
 * the reason). Read from prisma/schema.prisma, as oauth.test.ts walks every column for tokens.
 */
const root = path.join(__dirname, '..', '..');
const schema = readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
const personData = readFileSync(path.join(root, 'src', 'data', 'personData.ts'), 'utf8');
const retention = readFileSync(path.join(root, 'src', 'data', 'retention.ts'), 'utf8');

/** A column naming a person: a Person id, or a Slack user id. */
const PERSON_COLUMN = /^(seniorId|leaderId|authorId|createdById|giverId|receiverId|ownerId|doneById|loggedById|recipientId|personId|\w*UserId|slackUserId)$/;

interface Field {
  name: string;
  type: string;
  list: boolean;
  cascadeFrom: boolean;
}
const models = new Map<string, Field[]>();
for (const m of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
  const fields: Field[] = [];
  for (const line of m[2].split('\n')) {
    const f = /^\s+(\w+)\s+(\w+)(\[\]|\?)?(.*)$/.exec(line);
    if (!f || f[1].startsWith('@@')) continue;
    fields.push({ name: f[1], type: f[2], list: f[3] === '[]', cascadeFrom: /onDelete: Cascade/.test(f[4]) });
  }
  models.set(m[1], fields);
}
const camel = (model: string) => model[0].toLowerCase() + model.slice(1);
const body = (source: string, method: string) => {
  const start = source.indexOf(`async ${method}(`);
  if (start < 0) throw new Error(`${method} not found`);
  const next = source.indexOf('\n  async ', start + 1);
  return source.slice(start, next < 0 ? undefined : next);
};
const collect = body(personData, 'collect');
const erase = body(personData, 'erase');
const purge = body(retention, 'purgeWorkspace') + body(retention, 'purgeFollowUp');

/** The models this one is deleted with (its relation fields marked onDelete: Cascade), transitively. */
function cascadesFrom(model: string, seen = new Set<string>()): Set<string> {
  for (const f of models.get(model) ?? []) {
    if (f.cascadeFrom && !seen.has(f.type)) {
      seen.add(f.type);
      cascadesFrom(f.type, seen);
    }
  }
  return seen;
}
/** Relation names that reach a model from its parents (`goals` for Goal in FollowUp), as `collect` includes them. */
const relationNames = (model: string) => [...models.values()].flatMap((fields) => fields.filter((f) => f.type === model).map((f) => f.name));

const deletedBy = (text: string, db: string) => [...models.keys()].filter((m) => new RegExp(`${db}\\.${camel(m)}\\.(deleteMany|delete|update|updateMany)\\(`).test(text));

const personTables = [...models.entries()].filter(([, fields]) => fields.some((f) => PERSON_COLUMN.test(f.name) || (f.type === 'Person' && !f.list))).map(([name]) => name);

/** Tables left out on purpose, and why. */
const NOT_EXPORTED: Record<string, string> = {
  Installation: 'the Slack installation (installer id, encrypted tokens): Bolt’s, not the person’s record; deleted with the workspace',
  AuditEntry: 'who exported or erased whom: kept as the record of the request itself',
  Delivery: 'the ledger of posts (keys, ts): the reminders it posted are exported',
  HrPartner: 'a role an admin gave (who named them, when), holding nothing the person wrote; the audit list shows it (issue 21: not yet in the export document)',
};
const NOT_ERASED: Record<string, string> = {
  Installation: 'deleted when the app is uninstalled or its tokens revoked, and with the workspace',
  AuditEntry: 'the record of the erasure itself must outlive it',
  FollowUp: 'ended, not deleted: the other person keeps their history (the person row is anonymised)',
};

const NOT_PURGED: Record<string, string> = {
  Installation: 'no relation to the workspace: deleted when the app is uninstalled or its bot token revoked, before any purge (the purge runs only for uninstalled workspaces)',
};

describe('personal data coverage', () => {
  it('finds the tables that refer to a person', () => {
    expect(personTables).toEqual(expect.arrayContaining(['Person', 'FollowUp', 'Feedback', 'Reminder', 'AgendaPick']));
  });

  it.each(personTables)('%s is exported', (table) => {
    if (NOT_EXPORTED[table]) return;
    const reached = new RegExp(`db\\.${camel(table)}\\.`).test(collect) || relationNames(table).some((r) => new RegExp(`\\b${r}: `).test(collect));
    expect(reached ? table : `${table} is missing from PersonDataRepository.collect`).toBe(table);
  });

  it.each(personTables)('%s is erased', (table) => {
    if (NOT_ERASED[table]) return;
    const erased = deletedBy(erase, 'this\\.db');
    const covered = erased.includes(table) || [...cascadesFrom(table)].some((parent) => erased.includes(parent));
    expect(covered ? table : `${table} is missing from PersonDataRepository.erase`).toBe(table);
  });

  it.each(personTables)('%s is purged with its workspace', (table) => {
    if (NOT_PURGED[table]) return;
    const purged = deletedBy(purge, 'tx');
    const covered = purged.includes(table) || cascadesFrom(table).has('Workspace');
    expect(covered ? table : `${table} is missing from RetentionRepository.purgeWorkspace`).toBe(table);
  });
});
