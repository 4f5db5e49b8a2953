// A trial's network in the API: the Cytoscape elements as stored, and the same layers and connections typed, so
// clients get layer kinds and shapes from the schema instead of parsing JSON.
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ARCHITECTURE_NODE_KINDS, type ArchitectureGraph as ElementsGraph, type ArchitectureNodeKind } from '../../ml/model/architecture-graph.js';
import { JSONScalar } from '../common/scalars.js';

/** GraphQL names (CONV2D, BATCH_NORMALIZATION, …) for the builder's layer kinds, which stay the internal values. */
export const ArchitectureLayerKind = Object.fromEntries(
  ARCHITECTURE_NODE_KINDS.map((kind) => [kind.toUpperCase().replaceAll('-', '_'), kind]),
) as Record<string, ArchitectureNodeKind>;
registerEnumType(ArchitectureLayerKind, {
  name: 'ArchitectureLayerKind',
  description: 'What a layer does.',
});

@ObjectType({ description: 'One layer of a network.' })
export class ArchitectureLayer {
  @Field(() => String) id!: string;
  @Field(() => String) label!: string;
  @Field(() => ArchitectureLayerKind) kind!: ArchitectureNodeKind;
  @Field(() => String, { description: 'The TF.js layer class (Conv2D, Bidirectional, …).' }) layerClass!: string;
  @Field(() => [Int], { description: 'Output shape without the batch dimension.' }) outputShape!: number[];
  @Field(() => Int, { description: 'All parameters, trainable or not.' }) params!: number;
  @Field(() => Int) trainableParams!: number;
}

@ObjectType({ description: 'A tensor flowing from one layer to the next.' })
export class ArchitectureConnection {
  @Field(() => String) id!: string;
  @Field(() => String) source!: string;
  @Field(() => String) target!: string;
  @Field(() => String, { description: 'Its shape, e.g. 28×28×32.' }) label!: string;
}

@ObjectType({ description: 'A network: its layers and connections, typed and as Cytoscape elements.' })
export class ArchitectureGraph {
  @Field(() => [ArchitectureLayer], { description: 'Input first, output last.' }) layers!: ArchitectureLayer[];
  @Field(() => [ArchitectureConnection]) connections!: ArchitectureConnection[];
  @Field(() => JSONScalar, { description: 'The same as Cytoscape elements JSON (nodes and edges), for cy.add().' }) elements!: unknown;
  @Field(() => Int) parameterCount!: number;
}

const KNOWN_KINDS = new Set<string>(ARCHITECTURE_NODE_KINDS);

/** The stored row as the API serves it; a kind this server does not know (an older record) is OTHER. */
export function toArchitectureGraph(row: { elements: unknown; parameterCount: number }): ArchitectureGraph {
  const elements = row.elements as Partial<ElementsGraph>;
  return {
    layers: (elements.nodes ?? []).map(({ data }) => ({ ...data, kind: KNOWN_KINDS.has(data.kind) ? data.kind : 'other' })),
    connections: (elements.edges ?? []).map(({ data }) => data),
    elements: row.elements,
    parameterCount: row.parameterCount,
  };
}
