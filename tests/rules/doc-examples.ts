import fs from 'node:fs';
import path from 'node:path';

/**
 * The ```js / ```ts blocks of a rule's docs page, under its "❌ Incorrect" and "✅ Correct"
 * headings: the docs examples are the tests' cases, so the docs can't drift from the rule.
 */
export function docExamples(name: string): { incorrect: string[]; correct: string[] } {
  const markdown = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'rules', `${name}.md`), 'utf8');
  const result = { incorrect: [] as string[], correct: [] as string[] };
  let section: 'incorrect' | 'correct' | undefined;
  for (const match of markdown.matchAll(/^(#{2,4} .*)$|^```(?:js|ts)\n([\s\S]*?)^```$/gm)) {
    if (match[1] !== undefined)
      section = match[1].includes('Incorrect') ? 'incorrect' : match[1].includes('Correct') ? 'correct' : undefined;
    else if (section !== undefined) result[section].push(match[2]!);
  }
  return result;
}
