import { GraphQLJSON, GraphQLSafeInt } from 'graphql-scalars';

/** Arbitrary JSON: event payloads, study configs, parameters, diagnostics, Cytoscape elements. */
export const JSONScalar = GraphQLJSON;
/** Integers up to 2^53 - 1: event sequence numbers and byte counts outgrow GraphQL's 32-bit Int. */
export const SafeIntScalar = GraphQLSafeInt;
