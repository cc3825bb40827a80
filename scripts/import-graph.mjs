#!/usr/bin/env node
// Import graph of src/: strongly connected components (circles) and shared-Slack → features imports.
import fs from 'node:fs'; import path from 'node:path';
const root = path.resolve(process.argv[2] ?? 'src');
const files = [];
(function walk(d){ for (const e of fs.readdirSync(d,{withFileTypes:true})) { const p=path.join(d,e.name); if (e.isDirectory()) { if (e.name!=='generated') walk(p);} else if (p.endsWith('.ts')) files.push(p);} })(root);
const graph = new Map();
const typeOnly = process.argv.includes('--values');
for (const f of files) {
  const src = fs.readFileSync(f,'utf8'); const deps=new Set();
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?from\s+)?['"](\.[^'"]+)['"]/g; let m;
  while ((m=re.exec(src))) { if (typeOnly && m[2]) continue; let t=path.resolve(path.dirname(f), m[4]);
    for (const c of [t+'.ts', path.join(t,'index.ts'), t.replace(/\.js$/,'.ts')]) if (fs.existsSync(c)&&fs.statSync(c).isFile()) { deps.add(c); break; } }
  graph.set(f,[...deps]);
}
// Tarjan
let idx=0; const st=[], on=new Set(), ix=new Map(), low=new Map(), sccs=[];
function sc(v){ ix.set(v,idx); low.set(v,idx); idx++; st.push(v); on.add(v);
  for (const w of graph.get(v)??[]) { if(!ix.has(w)){sc(w); low.set(v,Math.min(low.get(v),low.get(w)));} else if(on.has(w)) low.set(v,Math.min(low.get(v),ix.get(w))); }
  if (low.get(v)===ix.get(v)) { const c=[]; let w; do { w=st.pop(); on.delete(w); c.push(w);} while(w!==v); if (c.length>1) sccs.push(c);} }
for (const f of files) if(!ix.has(f)) sc(f);
const rel = (p)=>path.relative(root,p);
console.log(`import circles (strongly connected groups of files): ${sccs.length}`);
for (const c of sccs) console.log('  ' + c.map(rel).sort().join(' , '));
const shared = files.filter(f=>{ const r=rel(f); return r.startsWith('slack/') && !r.startsWith('slack/features/'); });
let n=0; for (const f of shared) for (const d of graph.get(f)) if (rel(d).startsWith('slack/features/')) { n++; console.log(`  shared→feature: ${rel(f)} → ${rel(d)}`); }
console.log(`imports from src/slack/ outside features/ into features/: ${n}`);
