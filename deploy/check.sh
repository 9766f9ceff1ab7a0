#!/usr/bin/env bash
# Checks the deploy files offline, as far as a machine without a Docker daemon or a Kubernetes cluster can:
#   1. every YAML file parses and is tidy (yamllint: apt-get install yamllint);
#   2. docker-compose.yml resolves (`docker compose config`; or the Debian package docker-compose 1.29, which does not
#      know Compose v2's top-level `name`, on a copy without it), with deploy/.env.example's values;
#   3. the kustomization renders (kubectl kustomize) and every object it renders is valid against the Kubernetes
#      OpenAPI schemas of the npm package kubernetes-models (installed into a temporary folder).
# It cannot check that the images build or that anything starts.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

yamllint -d '{extends: relaxed, rules: {line-length: disable}}' docker-compose.yml k8s/
echo "yamllint: ok"

if docker compose version >/dev/null 2>&1; then
  docker compose --env-file .env.example -f docker-compose.yml config --quiet
else
  grep -v '^name: ' docker-compose.yml >"$work/docker-compose.yml"
  docker-compose --env-file .env.example --project-directory . -f "$work/docker-compose.yml" config --quiet
fi
echo "compose config: ok"

kubectl kustomize k8s >"$work/rendered.yaml"
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund kubernetes-models js-yaml >/dev/null)
cat >"$work/validate.js" <<'JS'
const fs = require('fs');
const yaml = require('js-yaml');
const docs = yaml.loadAll(fs.readFileSync(process.argv[2], 'utf8')).filter(Boolean);
let invalid = 0;
for (const doc of docs) {
  const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : [null, doc.apiVersion];
  const Model = require(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`)[doc.kind];
  const name = `${doc.apiVersion} ${doc.kind}/${doc.metadata.name}`;
  try {
    if (!Model) throw new Error('no schema for this kind');
    new Model(doc).validate();
    console.log(`  valid   ${name}`);
  } catch (e) {
    invalid++;
    console.log(`  INVALID ${name}: ${e.message}`);
  }
}
console.log(`kubernetes schemas: ${docs.length} objects, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
JS
(cd "$work" && node validate.js rendered.yaml)
