import { wordsOf } from '../../db/full-text.js';

/** Words that say nothing about a problem, folded (no accents), French and English. */
const STOP_WORDS = new Set(
  // French
  (
    'les des une est pour dans par sur avec pas que qui quoi mais sont plus nous vous ils elle elles mon mes ton tes ' +
    'son ses notre nos votre vos leur leurs cette ces cet aux ete etre avoir fait faire comme tout tous toute ' +
    'toutes tres bien aussi depuis quand alors donc car encore deja ainsi sans sous entre avant apres chez ' +
    'peut peux pouvez doit dois veux voudrais merci bonjour bonsoir cordialement salut svp madame monsieur ' +
    'probleme souci demande besoin quelque chose rien jour hier aujourd hui matin soir ' +
    // English
    'the and for are but not you all any can has have had was were this that with from they them our your its ' +
    'his her she him what when where which who why how there then than into about would could should will just ' +
    'also been being does did doing hello thanks thank please regards dear issue problem need help today ' +
    'yesterday morning some something nothing'
  ).split(' '),
);

/** Words shorter than this are dropped from suggestions (articles, "de", "le", "IT"…). */
const MIN_LENGTH = 3;

/**
 * The words of a ticket worth searching the knowledge base for, title first, without duplicates or stop words.
 * Suggestions OR them and rank articles by how many (and how rare) they share.
 */
export function significantWords(text: string): string[] {
  return [...new Set(wordsOf(text))].filter((w) => w.length >= MIN_LENGTH && !STOP_WORDS.has(w));
}
