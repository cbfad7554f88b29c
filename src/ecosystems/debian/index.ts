import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const DEBIAN_ECOSYSTEM = defineEcosystem({
  id: 'debian',
  osvNames: ['Debian', 'Ubuntu'],
  purlType: 'deb',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: (name, version) => formatPurl({ type: 'deb', namespace: 'debian', name, version }),
});
