// Depth and complexity limits, applied once to every operation (HTTP and graphql-ws) before it executes.
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ASTVisitor,
} from 'graphql';
import { createRequire } from 'node:module';
import { ErrorCode } from './api-errors.js';

// Its ESM build imports graphql's .mjs files by name: a second graphql beside the CommonJS one everything else
// loads, and graphql refuses schemas from the other copy. The CommonJS build shares ours.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/** Field nesting of an operation; introspection (`__schema`, `__type`) does not count, so explorers work. */
function depthOf(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, visiting: Set<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, fragments, visiting) : 0));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, visiting));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic fragments are reported by the standard rules
      visiting.add(name);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, visiting));
      visiting.delete(name);
    }
  }
  return deepest;
}

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = new Map(
      document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
    );
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`query is ${depth} levels deep; the limit is ${maxDepth}`, { nodes: [operation], extensions: { code: ErrorCode.QUERY_TOO_DEEP, depth, maxDepth } }),
          );
        }
      },
    };
  };
}

/** Throws QUERY_TOO_COMPLEX when the operation's estimated cost exceeds the limit (list fields cost per item). */
export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
  maxComplexity: number,
): void {
  const complexity = getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
  if (complexity > maxComplexity) {
    throw new GraphQLError(`query complexity ${complexity} exceeds the limit of ${maxComplexity}; ask for fewer items or fields`, {
      // The request is at fault, not the server: answer 400 (Apollo would say 500 for an error thrown here).
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, complexity, maxComplexity, http: { status: 400 } },
    });
  }
}
