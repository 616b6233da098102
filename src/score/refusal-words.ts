// THE one list of refusal / clarification words and phrases (SPEC §5: "the word list is yours;
// keep it in one place"). Matched case-insensitively at a word start, so "contradict" also
// finds "contradictory" and "contradiction"; curly apostrophes count as straight ones.

export const REFUSAL_WORDS: readonly string[] = [
  'cannot be done',
  "can't be done",
  'cannot be fixed',
  'cannot be solved',
  'cannot be satisfied',
  'cannot both',
  'not possible',
  'impossible',
  'unsolvable',
  'contradict',
  'mutually exclusive',
  'inconsistent requirements',
  'conflicting requirements',
  'refuse',
  'decline',
  'need clarification',
  'needs clarification',
  'clarification',
  'ambiguous',
  'ambiguity',
  'two readings',
  'two interpretations',
  'which of',
  'which one',
  'please confirm',
];

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

// One `[\p{L}\p{N}]` test of the character before a match instead of a `(?<![\p{L}\p{N}])`
// lookbehind in every pattern: same matches, but V8 builds the case-folded Unicode classes
// once instead of once per word (~15 ms at start-up). Compiled on first use.
const ENDS_IN_LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;
let patterns: { word: string; re: RegExp }[] | null = null;

function compiled(): { word: string; re: RegExp }[] {
  patterns ??= REFUSAL_WORDS.map((word) => ({ word, re: new RegExp(word.split(' ').map(escape).join('\\s+'), 'giu') }));
  return patterns;
}

/** True when some match of `re` starts a word: the code point before it is no letter or digit. */
function atWordStart(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!ENDS_IN_LETTER_OR_DIGIT.test(text.slice(Math.max(0, m.index - 2), m.index))) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

/** The refusal words found in `text`, in list order. */
export function findRefusalWords(text: string): string[] {
  const normalised = text.replace(/[\u2018\u2019\u02bc]/g, "'");
  return compiled().filter(({ re }) => atWordStart(re, normalised)).map(({ word }) => word);
}
