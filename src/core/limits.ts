/*
 * How far the analysis follows code, in one place: each limit bounds one kind of walk, and every
 * walk of that kind uses it. A result cut short by a limit is unknown, never guessed.
 */

/**
 * Constant evaluation (./static-value.ts: a value with where it is written): references followed
 * through constants, spreads, members and calls before the rest is unknown. Chains this long are
 * real but vanishingly rare.
 */
export const MAX_REFERENCE_DEPTH = 24;

/**
 * Nodes one evaluation may visit, shared by everything it reaches (spreads, templates, other
 * modules): a hostile file can make a few hundred bytes stand for millions of values.
 */
export const MAX_EVALUATION_STEPS = 100_000;

/**
 * Nodes all evaluations started from one environment (a linted file, a module being loaded) may
 * visit: a result cut short is not memoised, so without this a bomb repeated in every call of a
 * file would cost `MAX_EVALUATION_STEPS` per call.
 */
export const MAX_ENVIRONMENT_STEPS = 1_000_000;

/** Longer lists and strings are unknown: no scope list comes near (Google has about 500 scopes). */
export const MAX_LIST_LENGTH = 1_000;
export const MAX_STRING_LENGTH = 64 * 1024;

/**
 * Tracing an object through the code (a Google client or auth object through variables, calls,
 * parameters and fields; an auth object's alternatives and bases; the literals that write a scope
 * list): that walk branches at every alternative and has no step budget, so it stops sooner than
 * constant evaluation.
 */
export const MAX_TRACE_DEPTH = 16;

/**
 * The parts of an expression looked into without tracing values: a URL's template holes and
 * concatenations (`urlPattern`), a call's receiver through `await` and members (`isOpaqueRoot`),
 * an expression that reads a `.scope` field.
 */
export const MAX_EXPRESSION_PARTS_DEPTH = 8;

/** Options objects spread into one another (`{ ...base, subject }`) followed before the option is unknown. */
export const MAX_OPTIONS_SPREAD_DEPTH = 4;

/**
 * Modules followed from one file before the rest is unknown: real barrels are a few levels deep,
 * and a generated chain of hundreds must not exhaust the stack.
 */
export const MAX_MODULE_HOPS = 32;

/**
 * A project walk (./project-walk.ts: the scope inventory, the search for importers) enters folders
 * at most this deep below its root, and looks at most at this many folder entries in all (a folder
 * of a million generated files); the files it lists have a budget per caller.
 */
export const MAX_FOLDER_DEPTH = 24;
export const MAX_FOLDER_ENTRIES = 200_000;

/** package.json `exports`/`imports` condition objects nested in one another (`{ node: { import: … } }`). */
export const MAX_CONDITIONS_DEPTH = 4;

/** tsconfig `extends` chains longer than this are cut (a loop, or generated configs). */
export const MAX_EXTENDS_DEPTH = 8;
