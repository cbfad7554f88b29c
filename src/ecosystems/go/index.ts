import { defineEcosystem } from '../define-ecosystem.js';
import { goPurl } from './lockfiles/go-mod.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const GO_ECOSYSTEM = defineEcosystem({
  id: 'go',
  osvNames: ['Go'],
  purlType: 'golang',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: goPurl,
});
