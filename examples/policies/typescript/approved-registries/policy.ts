// A custom Palisade policy in TypeScript: container images come from the organisation's registries.
// Run it:   palisade scan deploy/ --policy examples/policies/typescript/approved-registries
// Test it:  palisade policy test examples/policies/typescript/approved-registries
import { POD_KINDS, containers, definePolicy } from 'palisade';

export default definePolicy({
  id: 'ACME-0101',
  title: 'Images come from an approved registry',
  severity: 'high',
  category: 'images',
  kinds: POD_KINDS,
  description: 'Every container (init and ephemeral ones too) pulls its image from one of the approved registries.',
  rationale: 'Images from approved registries are scanned, signed and mirrored; anything else bypasses that supply chain.',
  remediation: 'Push the image to an approved registry (or mirror it there) and reference it from there.',
  references: ['https://kubernetes.io/docs/concepts/containers/images/'],
  // Override per project in .palisade.yaml:  checks: { options: { ACME-0101: { registries: [...] } } }
  options: { registries: ['registry.acme.example/', 'ghcr.io/acme/'] },
  validate(object, ctx) {
    for (const c of containers(object)) {
      const image = typeof c.container.image === 'string' ? c.container.image : '';
      if (image === '') {
        ctx.report({ path: c.path, message: 'Container "{{container}}" has no image', data: { container: c.name } });
      } else if (!ctx.options.registries.some((prefix) => image.startsWith(prefix))) {
        ctx.report({
          path: [...c.path, 'image'],
          message: 'Container "{{container}}" uses image "{{image}}", which is not from an approved registry ({{allowed}})',
          data: { container: c.name, image, allowed: ctx.options.registries.join(', ') },
        });
      }
    }
  },
});
