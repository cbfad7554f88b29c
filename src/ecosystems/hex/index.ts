import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const HEX_ECOSYSTEM = defineEcosystem({
  id: 'hex',
  osvNames: ['Hex'],
  purlType: 'hex',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n.toLowerCase(),
  purl: (name, version) => formatPurl({ type: 'hex', name: name.toLowerCase(), version }),
});
