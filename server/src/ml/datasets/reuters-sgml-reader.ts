// Reuters-21578 SGML (README.txt of the distribution, section VI): one <REUTERS ...> element per story,
// LEWISSPLIT/TOPICS attributes for the ModApte split, topics as <TOPICS><D>..</D></TOPICS>, text in TITLE and BODY.

export interface ReutersStory {
  newId: number;
  lewisSplit: 'TRAIN' | 'TEST' | 'NOT-USED';
  /** The TOPICS attribute: whether the story was checked for topics (YES, NO or BYPASS). */
  topicsChecked: string;
  /** Topic codes in the order the story lists them. */
  topics: string[];
  title: string;
  body: string;
}

const STORY = /<REUTERS([^>]*)>([\s\S]*?)<\/REUTERS>/g;
const ATTRIBUTE = /(\w+)="([^"]*)"/g;

function element(story: string, tag: string): string {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(story);
  return match ? match[1] : '';
}

function unescapeSgml(text: string): string {
  return text.replace(/&#\d+;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Parses one reut2-NNN.sgm file (read as latin1: the collection predates UTF-8). */
export function parseReutersSgml(sgml: string): ReutersStory[] {
  const stories: ReutersStory[] = [];
  for (const match of sgml.matchAll(STORY)) {
    const attributes = Object.fromEntries([...match[1].matchAll(ATTRIBUTE)].map(([, key, value]) => [key, value]));
    const body = match[2];
    stories.push({
      newId: Number(attributes.NEWID),
      lewisSplit: attributes.LEWISSPLIT as ReutersStory['lewisSplit'],
      topicsChecked: attributes.TOPICS,
      topics: [...element(body, 'TOPICS').matchAll(/<D>([\s\S]*?)<\/D>/g)].map((topic) => topic[1]),
      title: unescapeSgml(element(body, 'TITLE')),
      body: unescapeSgml(element(body, 'BODY')),
    });
  }
  return stories;
}
