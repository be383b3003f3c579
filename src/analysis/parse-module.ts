import fs from 'node:fs';
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';

/**
 * Reads and parses another module of the linted project (never executes it), as ESLint would:
 * AST with parent links, scope analysis and a SourceCode, so the same analysis code runs on it.
 * Returns undefined when the file can't be read or parsed.
 */
export function parseModule(file: string): Readonly<TSESLint.SourceCode> | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const { ast, scopeManager, visitorKeys } = parseForESLint(text, {
      filePath: file,
      jsx: /\.[jt]sx$/.test(file),
      sourceType: 'module',
      ecmaVersion: 'latest',
      range: true,
      loc: true,
      tokens: true,
      comment: true,
    });
    setParents(ast, visitorKeys as Record<string, readonly string[] | undefined>);
    return new SourceCode({
      text,
      ast: ast as never,
      scopeManager: scopeManager as never,
      visitorKeys: visitorKeys as never,
    }) as unknown as Readonly<TSESLint.SourceCode>;
  } catch {
    return undefined;
  }
}

/** ESLint links every node to its parent while linting; a module parsed on the side needs the same. */
function setParents(root: TSESTree.Node, visitorKeys: Record<string, readonly string[] | undefined>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (const item of children) {
        if (typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string') {
          (item as { parent: TSESTree.Node }).parent = node;
          stack.push(item as TSESTree.Node);
        }
      }
    }
  }
}
