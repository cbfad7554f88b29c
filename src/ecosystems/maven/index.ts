import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const MAVEN_ECOSYSTEM = defineEcosystem({
  id: 'maven',
  osvNames: ['Maven'],
  purlType: 'maven',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: (name, version) => { const i = name.indexOf(':'); return formatPurl({ type: 'maven', namespace: i > 0 ? name.slice(0, i) : undefined, name: i > 0 ? name.slice(i + 1) : name, version }); },
});
