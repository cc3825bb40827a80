import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES } from '../../src/config';
import { MAX_EVENT_BODY_BYTES } from '../../src/app';

/**
 * deploy/kubernetes/ cannot drift from the code: every environment variable the manifests set is one
 * src/config.ts reads, the Secret template lists every one of them, every probe path is a route the
 * app serves, every command is a mode main.ts knows, and selectors, Services, PDBs and the HPA point
 * at what exists. docker-compose.yml is held to the same rules.
 */
const root = path.join(__dirname, '..', '..');
const dir = path.join(root, 'deploy', 'kubernetes');

type Doc = Record<string, unknown> & { kind?: string; metadata?: { name?: string; labels?: Record<string, string> }; spec?: Record<string, unknown> };

function load(file: string): Doc[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
    return d.toJS() as Doc;
  });
}

const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const docs = files.flatMap((f) => load(path.join(dir, f)).map((doc) => ({ file: f, doc })));
const ofKind = (kind: string) => docs.filter((d) => d.doc.kind === kind).map((d) => d.doc);

interface Container {
  name: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  startupProbe?: { httpGet?: { path: string; port: string | number } };
  ports?: { name?: string; containerPort: number }[];
}

function podSpec(doc: Doc): { containers: Container[] } {
  const spec = doc.spec as { template?: { spec: { containers: Container[] } } };
  return spec.template!.spec;
}

const workloads = [...ofKind('Deployment'), ...ofKind('Job')];
const containers = workloads.flatMap((w) => podSpec(w).containers.map((c) => ({ workload: w.metadata!.name!, c })));

/** Every path the app serves with GET: express routes and the Socket Mode receiver's custom routes. */
function servedPaths(): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'generated') walk(p);
      else if (e.name.endsWith('.ts')) {
        const src = readFileSync(p, 'utf8');
        for (const m of src.matchAll(/\.get\(\s*'(\/[^']*)'/g)) out.add(m[1]);
        for (const m of src.matchAll(/(?:PATH|_PATH) = '(\/[^']*)'/g)) out.add(m[1]);
      }
    }
  };
  walk(path.join(root, 'src'));
  return out;
}

const secret = ofKind('Secret').find((s) => s.metadata?.name === 'followup') as (Doc & { stringData: Record<string, string> }) | undefined;

test('the manifests parse and hold what a platform team needs', () => {
  expect(files.sort()).toEqual(['hpa.yaml', 'ingress.yaml', 'kustomization.yaml', 'migrate-job.yaml', 'pdb.yaml', 'secret.template.yaml', 'web.yaml', 'worker.yaml']);
  expect(ofKind('Deployment').map((d) => d.metadata!.name).sort()).toEqual(['followup-web', 'followup-worker']);
  expect(ofKind('Job').map((d) => d.metadata!.name)).toEqual(['followup-migrate']);
  expect(ofKind('Service').map((d) => d.metadata!.name)).toEqual(['followup-web']);
  expect(ofKind('PodDisruptionBudget')).toHaveLength(2);
  expect(ofKind('HorizontalPodAutoscaler')).toHaveLength(1);
  expect(secret).toBeDefined();
});

test('every environment variable set is one src/config.ts reads; the Secret template lists them all', () => {
  const known = new Set(CONFIG_VARIABLES);
  const set = new Set<string>();
  for (const { c } of containers) for (const e of c.env ?? []) set.add(e.name);
  for (const key of Object.keys(secret!.stringData)) set.add(key);
  expect([...set].filter((n) => !known.has(n))).toEqual([]);
  expect([...known].filter((n) => !(n in secret!.stringData)).sort()).toEqual(['PORT', 'SLACK_APP_TOKEN', 'HOST', 'LOCAL_WORKSPACE'].sort()); // a cluster listens everywhere and never runs the local trial
  // Secret references point at the Secret and its keys.
  for (const { c } of containers) {
    for (const from of c.envFrom ?? []) expect(from.secretRef?.name).toBe('followup');
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref) {
        expect(ref.name).toBe('followup');
        expect(secret!.stringData).toHaveProperty(ref.key);
      }
    }
  }
});

test('docker-compose.yml sets only variables src/config.ts reads', () => {
  const compose = load(path.join(root, 'docker-compose.yml'))[0] as { services: Record<string, { environment?: Record<string, string> }>; 'x-app'?: { environment?: Record<string, string> } };
  const known = new Set([...CONFIG_VARIABLES, 'POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB']);
  const set = new Set<string>();
  for (const s of [...Object.values(compose.services), compose['x-app'] ?? {}]) for (const k of Object.keys(s.environment ?? {})) set.add(k);
  expect([...set].filter((n) => !known.has(n))).toEqual([]);
});

test('every probe path is a route the app serves, on a port the container exposes', () => {
  const served = servedPaths();
  for (const route of ['/livez', '/readyz', '/healthz']) expect(served.has(route)).toBe(true);
  let probes = 0;
  for (const { workload, c } of containers) {
    for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
      const get = probe?.httpGet;
      if (!get) continue;
      probes += 1;
      expect({ workload, path: get.path, served: served.has(get.path) }).toEqual({ workload, path: get.path, served: true });
      const ports = (c.ports ?? []).flatMap((p) => [p.name, p.containerPort]);
      expect(ports).toContain(get.port);
    }
  }
  expect(probes).toBeGreaterThanOrEqual(2);
});

test('each container runs a mode main.ts knows, the migration the script users run', () => {
  const main = readFileSync(path.join(root, 'src', 'main.ts'), 'utf8');
  for (const { workload, c } of containers) {
    const cmd = c.command ?? [];
    if (workload === 'followup-migrate') expect(cmd).toEqual(['node', 'scripts/migrate.mjs', 'deploy']);
    else {
      expect(cmd.slice(0, 2)).toEqual(['node', 'dist/src/main.js']);
      expect(main).toContain(`'${cmd[2]}'`);
    }
  }
  expect(containers.find((x) => x.workload === 'followup-web')!.c.command![2]).toBe('web');
  expect(containers.find((x) => x.workload === 'followup-worker')!.c.command![2]).toBe('worker');
});

test('selectors, the Service, the PDBs and the HPA point at what exists', () => {
  const deployments = ofKind('Deployment');
  const labelsOf = (d: Doc) => (d.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
  const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);
  for (const d of deployments) {
    expect(matches((d.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, labelsOf(d))).toBe(true);
  }
  const service = ofKind('Service')[0];
  const web = deployments.find((d) => d.metadata!.name === 'followup-web')!;
  expect(matches((service.spec as { selector: Record<string, string> }).selector, labelsOf(web))).toBe(true);
  for (const pdb of ofKind('PodDisruptionBudget')) {
    const sel = (pdb.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
    expect(deployments.filter((d) => matches(sel, labelsOf(d)))).toHaveLength(1);
  }
  const hpa = ofKind('HorizontalPodAutoscaler')[0];
  expect((hpa.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'followup-web' });
  const kustomization = load(path.join(dir, 'kustomization.yaml'))[0] as { resources: string[] };
  // The Secret template and the example Ingress are filled in by hand first (README.md).
  expect(kustomization.resources.sort()).toEqual(files.filter((f) => !['kustomization.yaml', 'secret.template.yaml', 'ingress.yaml'].includes(f)).sort());
  const ingress = ofKind('Ingress')[0] as Doc & { spec: { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] } };
  expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe(service.metadata!.name);
});

test('the Ingress, nginx and the app refuse the same bodies: over 1 MB', () => {
  const megabytes = (value: string) => Number(/^(\d+)m$/.exec(value.trim())![1]) * 1024 * 1024;
  const ingress = ofKind('Ingress')[0] as Doc & { metadata: { annotations: Record<string, string> } };
  expect(megabytes(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'])).toBe(MAX_EVENT_BODY_BYTES);
  const nginx = readFileSync(path.join(root, 'deploy', 'compose', 'nginx.conf'), 'utf8');
  expect(megabytes(/client_max_body_size\s+([^;]+);/.exec(nginx)![1])).toBe(MAX_EVENT_BODY_BYTES);
});
