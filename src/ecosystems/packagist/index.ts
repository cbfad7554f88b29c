import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const PACKAGIST_ECOSYSTEM = defineEcosystem({
  id: 'packagist',
  osvNames: ['Packagist'],
  purlType: 'composer',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n.toLowerCase(),
  purl: (name, version) => { const i = name.indexOf('/'); return formatPurl({ type: 'composer', namespace: i > 0 ? name.slice(0, i).toLowerCase() : undefined, name: (i > 0 ? name.slice(i + 1) : name).toLowerCase(), version }); },
});
