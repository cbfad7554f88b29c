import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const GO_ECOSYSTEM = defineEcosystem({
  id: 'go',
  osvNames: ['Go'],
  purlType: 'golang',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: (name, version) => { const i = name.lastIndexOf('/'); return formatPurl({ type: 'golang', namespace: i > 0 ? name.slice(0, i) : undefined, name: i > 0 ? name.slice(i + 1) : name, version }); },
});
