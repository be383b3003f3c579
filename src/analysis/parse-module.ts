import fs from 'node:fs';
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';
import { forEachChild, forEachNode } from './ast-walk.ts';
import type { VisitorKeys } from './ast-walk.ts';

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
    setParents(ast, visitorKeys as VisitorKeys);
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
function setParents(root: TSESTree.Node, visitorKeys: VisitorKeys): void {
  forEachNode(root, visitorKeys, (node) =>
    forEachChild(node, visitorKeys, (child) => {
      (child as { parent: TSESTree.Node }).parent = node;
    }),
  );
}
