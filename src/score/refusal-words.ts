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

const patterns = REFUSAL_WORDS.map((word) => ({
  word,
  re: new RegExp(`(?<![\\p{L}\\p{N}])${word.split(' ').map(escape).join('\\s+')}`, 'iu'),
}));

/** The refusal words found in `text`, in list order. */
export function findRefusalWords(text: string): string[] {
  const normalised = text.replace(/[\u2018\u2019\u02bc]/g, "'");
  return patterns.filter(({ re }) => re.test(normalised)).map(({ word }) => word);
}
