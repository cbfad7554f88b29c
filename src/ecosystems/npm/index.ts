import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const NPM_ECOSYSTEM = defineEcosystem({
  id: 'npm',
  osvNames: ['npm'],
  purlType: 'npm',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: (name, version) => { const at = name.startsWith('@') ? name.indexOf('/') : -1; return formatPurl({ type: 'npm', namespace: at > 0 ? name.slice(0, at) : undefined, name: at > 0 ? name.slice(at + 1) : name, version }); },
});
