/**
 * The value of a Dockerfile ConfigObject: what checks read. Plain data (JSON-serialisable); every array index here is a
 * data path segment the object's SourceLocator understands, e.g. `['stages', 1, 'instructions', 4, 'flags', 'chown']`.
 */

export interface DockerHeredoc {
  name: string;
  /** The lines between the marker line and the terminator, each ending with `\n`. */
  body: string;
  stripTabs: boolean;
  /** `<<"EOF"`: no variable expansion in the body. */
  quoted: boolean;
}

export interface DockerPair {
  key: string;
  /** Quotes removed; null for `ARG NAME` without a default. */
  value: string | null;
}

export interface DockerInstruction {
  /** Upper case: `RUN`, `COPY`, … (an unknown keyword is kept, upper-cased, and reported as a parse error). */
  keyword: string;
  /** 1-based line of the keyword. */
  line: number;
  /** Everything after the keyword, continuations joined (flags included). */
  args: string;
  /** `--name=value` flags before the arguments; a bare `--flag` has value ''. A repeated flag keeps its last value. */
  flags: Record<string, string>;
  /** Every flag in order, for repeated ones (`RUN --mount=… --mount=…`). */
  flagList: { name: string; value: string }[];
  /** Text after the flags: the shell command of a shell-form RUN/CMD/ENTRYPOINT, the sources and destination of COPY. */
  text: string;
  /** Exec form: the JSON strings; shell form: the blank-separated words after the flags (quotes kept). */
  arguments: string[];
  /** RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME and HEALTHCHECK CMD: how the arguments were written. */
  form?: 'exec' | 'shell';
  /** ENV and LABEL `key=value` pairs, ARG `name[=default]`. */
  pairs?: DockerPair[];
  heredocs?: DockerHeredoc[];
  /** ONBUILD: the instruction it registers for images built FROM this one. */
  trigger?: DockerInstruction;
}

export interface DockerFrom {
  /** 1-based line of the FROM instruction. */
  line: number;
  /** The image reference as written (`node:${NODE_VERSION}`). */
  raw: string;
  /** After substituting the global ARGs whose default is known; unknown ones stay as `${NAME}`. */
  resolved: string;
  /** Repository part of `resolved` (registry included when written): `node`, `gcr.io/distroless/static`. */
  image: string;
  tag: string | null;
  digest: string | null;
  /** `--platform` value, or null. */
  platform: string | null;
  scratch: boolean;
  /** Index of the earlier stage this FROM builds on (`FROM build`), or null for an image. */
  stageRef: number | null;
  /** True when a variable in the reference has no known value: tag and digest may not be what is built. */
  argsUnresolved: boolean;
}

export interface DockerStage {
  index: number;
  /** `AS` alias as written, '' when none. Stage names are case-insensitive. */
  name: string;
  from: DockerFrom;
  /** The stage's instructions after its FROM. */
  instructions: DockerInstruction[];
}

export interface DockerfileValue {
  stages: DockerStage[];
  /** ARGs declared before the first FROM: the only variables FROM lines can use. */
  globalArgs: DockerPair[];
  /** Index of the last stage (what `docker build` produces without `--target`); -1 when there is none. */
  finalStage: number;
  /** Parser directives: `escape` is `\` unless `# escape=\``. */
  directives: { syntax: string | null; escape: string };
}
