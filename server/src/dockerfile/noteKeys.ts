import { listedForm, type NoteKeyForm, sentenceList } from '../workspace';
import { REFERENCE } from './reference';

/**
 * The notes keys Dockerfile hovers produce, from the reference data the hovers use: instructions,
 * their flags, parser directives, and the concept topics instructions list after their own key.
 * hover.ts adds a few topics of its own (an image reference, a variable, a stage name); they are
 * listed here with what produces them.
 */
const HOVER_TOPICS: Record<string, string> = {
  image: 'an image reference after `FROM`',
  registry: 'an image reference after `FROM`',
  'multi-stage': 'a stage name (`FROM … AS name`, `--from=name`)',
  'env-replacement': 'a `$VARIABLE` reference',
};

/** Each topic with what brings it to a hover. */
function topicSources(): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  const add = (topic: string, source: string) => sources.set(topic, [...(sources.get(topic) ?? []), source]);
  for (const [name, doc] of Object.entries(REFERENCE.instructions)) {
    for (const key of doc.topics ?? []) add(key.slice(key.indexOf('/') + 1), `\`${name}\``);
  }
  for (const [topic, source] of Object.entries(HOVER_TOPICS)) add(topic, source);
  return sources;
}

export function noteKeys(): NoteKeyForm[] {
  const instructions = Object.keys(REFERENCE.instructions);
  return [
    listedForm(
      'docker:instruction/',
      'Dockerfile instruction',
      instructions.map((name) => ({ path: name, matches: `hovers on the \`${name}\` instruction in Dockerfiles` })),
    ),
    listedForm(
      'docker:flag/',
      'Dockerfile flag',
      instructions.flatMap((name) =>
        Object.keys(REFERENCE.instructions[name].flags ?? {}).map((flag) => ({
          path: `${name} --${flag}`,
          matches: `hovers on the \`--${flag}\` flag of \`${name}\``,
        })),
      ),
    ),
    listedForm(
      'docker:directive/',
      'Dockerfile parser directive',
      Object.keys(REFERENCE.directives).map((name) => ({ path: name, matches: `hovers on the \`# ${name}=\` parser directive` })),
    ),
    listedForm(
      'docker:topic/',
      'Docker concept',
      [...topicSources()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([topic, sources]) => ({ path: topic, matches: `hovers on ${sentenceList(sources, 8)}, after their own key` })),
    ),
  ];
}
