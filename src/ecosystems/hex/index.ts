import { defineEcosystem } from '../define-ecosystem.js';
import { hexPurl } from './lockfiles/mix-lock.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const HEX_ECOSYSTEM = defineEcosystem({
  id: 'hex',
  osvNames: ['Hex'],
  purlType: 'hex',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n.toLowerCase(),
  purl: hexPurl,
});
