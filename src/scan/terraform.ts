import type { ConfigObject } from '../core/config-object.js';
import type { Target } from '../core/report.js';
import type { ParsedObjects } from '../parsers/types.js';
import type { InputFile } from './walk.js';

export interface TerraformScanOptions {
  cwd: string;
  maxBytes: number;
  /** `-var name=value` from the command line, strongest. */
  vars?: Record<string, string>;
  /** `--var-file` paths (relative to cwd), applied after terraform.tfvars and *.auto.tfvars of each root module. */
  varFiles?: string[];
}

/** Groups `.tf` files by directory into modules, evaluates each root module (variables, locals, count/for_each, local modules). */
export function loadTerraform(_files: readonly InputFile[], _opts: TerraformScanOptions): { targets: Target[]; objects: ConfigObject[] } {
  throw new Error('Terraform loader not implemented yet');
}

/** True for a `terraform show -json` plan (or state) document. */
export function isTerraformPlan(_value: unknown): boolean {
  return false;
}

/** The resources of a plan's `planned_values` (root and child modules), located in the plan JSON. */
export function loadTerraformPlan(_value: unknown, _text: string, _display: string): ParsedObjects {
  throw new Error('Terraform plan loader not implemented yet');
}
